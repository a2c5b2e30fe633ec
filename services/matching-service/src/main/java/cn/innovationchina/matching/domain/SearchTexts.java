package cn.innovationchina.matching.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a demand is searched with, by how much each part says about the expertise it needs: the words the
 * enterprise names its need with (the title and its keywords), the words it describes it with (the key problems and
 * target outcomes), and the vocabulary of its fields (the taxonomy's names and keywords), which says what the field
 * is about rather than what this demand needs.
 */
public record SearchTexts(List<String> named, List<String> described, List<String> fieldVocabulary) {

    public SearchTexts {
        named = List.copyOf(named);
        described = List.copyOf(described);
        fieldVocabulary = List.copyOf(fieldVocabulary);
    }

    /** A demand's own words alone, as a description. */
    public static SearchTexts of(String... described) {
        return new SearchTexts(List.of(), List.of(described), List.of());
    }

    /** Everything the demand itself wrote: what it named and what it described. */
    public List<String> own() {
        List<String> own = new ArrayList<>(named);
        own.addAll(described);
        return own;
    }
}
