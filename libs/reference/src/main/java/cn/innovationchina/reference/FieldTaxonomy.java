package cn.innovationchina.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The technology field taxonomy (areas and the leaves under them), loaded from
 * {@code reference/technology-fields.v<version>.json}. Codes are never renamed or removed between versions:
 * stored demands, profiles and events carry them (ADR 0034).
 */
public final class FieldTaxonomy {

    /**
     * How close two fields are, for ranking: the same field beats a relative in the same area (a sibling leaf, or
     * the area and a leaf under it), which beats a stranger.
     */
    public enum Proximity {
        SAME_FIELD,
        SAME_PARENT,
        UNRELATED
    }

    record Node(String code, String nameZh, String nameEn, @Nullable List<String> gbt4754,
            @Nullable List<String> sei2018, @Nullable List<TechnologyField.Synonym> synonyms,
            @Nullable List<Node> children) {
    }

    record File(int version, @Nullable Map<String, String> classifications, List<Node> fields) {
    }

    private final int version;
    private final Map<String, TechnologyField> byCode = new LinkedHashMap<>();

    private FieldTaxonomy(File file) {
        this.version = file.version();
        for (Node area : file.fields()) {
            add(area, null);
            for (Node leaf : orEmpty(area.children())) {
                add(leaf, area.code());
            }
        }
    }

    private void add(Node node, @Nullable String parentCode) {
        var field = new TechnologyField(node.code(), node.nameZh(), node.nameEn(), parentCode,
                orEmpty(node.synonyms()), orEmpty(node.gbt4754()), orEmpty(node.sei2018()));
        if (byCode.put(field.code(), field) != null) {
            throw new IllegalStateException("Field " + field.code() + " appears twice in the taxonomy");
        }
    }

    private static <T> List<T> orEmpty(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }

    /** The taxonomy shipped with this build. */
    public static FieldTaxonomy standard() {
        return new FieldTaxonomy(ReferenceFiles.read("reference/technology-fields.v2.json", File.class));
    }

    public int version() {
        return version;
    }

    public Optional<TechnologyField> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Whether a demand or a provider may name this code: an area or a leaf of the taxonomy. */
    public boolean isKnown(String code) {
        return byCode.containsKey(code);
    }

    public boolean isLeaf(String code) {
        return find(code).map(TechnologyField::isLeaf).orElse(false);
    }

    /** The area a field belongs to: its parent for a leaf, itself for an area; empty for an unknown code. */
    public Optional<String> areaOf(String code) {
        return find(code).map(field -> field.isLeaf() ? field.parentCode() : field.code());
    }

    /** The synonyms of a field followed by those of its area, the words matching reads the field as. */
    public List<TechnologyField.Synonym> synonymsWithAncestors(String code) {
        List<TechnologyField.Synonym> synonyms = new ArrayList<>();
        find(code).ifPresent(field -> {
            synonyms.addAll(field.synonyms());
            if (field.isLeaf()) {
                find(field.parentCode()).ifPresent(area -> synonyms.addAll(area.synonyms()));
            }
        });
        return synonyms;
    }

    public Collection<TechnologyField> all() {
        return byCode.values();
    }

    public List<TechnologyField> areas() {
        return byCode.values().stream().filter(field -> !field.isLeaf()).toList();
    }

    public List<TechnologyField> leaves() {
        return byCode.values().stream().filter(TechnologyField::isLeaf).toList();
    }

    public List<TechnologyField> childrenOf(String areaCode) {
        return byCode.values().stream().filter(field -> areaCode.equals(field.parentCode())).toList();
    }

    /**
     * An area and a leaf under it are SAME_PARENT, in either direction: the area says "somewhere in here", which
     * is as much as a sibling tells; counting it as SAME_FIELD would let a profile naming whole areas outrank
     * the specialists of every leaf in them (ADR 0034).
     */
    public Proximity proximity(String fieldCode, String otherFieldCode) {
        if (fieldCode.equals(otherFieldCode)) {
            return Proximity.SAME_FIELD;
        }
        var area = areaOf(fieldCode);
        if (area.isPresent() && area.equals(areaOf(otherFieldCode))) {
            return Proximity.SAME_PARENT;
        }
        return Proximity.UNRELATED;
    }
}
