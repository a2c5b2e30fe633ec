package cn.innovationchina.reference;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A field of the taxonomy: an area (e.g. ENERGY) or a leaf under it (ENERGY.HYDROGEN). Demands and providers
 * name either. The synonyms are the words users write for the field, each a Chinese term with its English
 * counterpart, so they also bridge the two languages. {@code gbt4754}: the divisions of GB/T 4754-2017 (two
 * digits, the main one first) the field's activity belongs to; {@code sei2018}: the first-level categories (1-9)
 * of the 2018 strategic emerging industries classification it falls in, none for a traditional field (ADR 0034).
 */
public record TechnologyField(String code, String nameZh, String nameEn, @Nullable String parentCode,
        List<Synonym> synonyms, List<String> gbt4754, List<String> sei2018) {

    /** A term in Chinese and the term an English writer uses for the same thing. */
    public record Synonym(String zh, String en) {
    }

    public TechnologyField {
        synonyms = List.copyOf(synonyms);
        gbt4754 = List.copyOf(gbt4754);
        sei2018 = List.copyOf(sei2018);
    }

    public boolean isLeaf() {
        return parentCode != null;
    }

    /** The synonyms as plain words, Chinese and English, for searching free text. */
    public List<String> keywords() {
        return synonyms.stream().flatMap(synonym -> Stream.of(synonym.zh(), synonym.en())).toList();
    }
}
