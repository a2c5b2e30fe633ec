package cn.innovationchina.matching.domain;

import java.util.List;

/**
 * What a demand is searched with: its own words (title, key problems, target outcomes, keywords) and the vocabulary
 * of its fields (the taxonomy's names and keywords), which says what the field is about rather than what this
 * demand needs, so weighs less.
 */
public record SearchTexts(List<String> demand, List<String> fieldVocabulary) {

    public SearchTexts {
        demand = List.copyOf(demand);
        fieldVocabulary = List.copyOf(fieldVocabulary);
    }

    /** A demand's own words alone. */
    public static SearchTexts of(String... demand) {
        return new SearchTexts(List.of(demand), List.of());
    }
}
