package cn.innovationchina.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The technology field taxonomy (two levels), loaded from {@code reference/technology-fields.v<version>.json}. */
public final class FieldTaxonomy {

    /** How close two fields are, for ranking: the same leaf beats a sibling under the same parent. */
    public enum Proximity {
        SAME_FIELD,
        SAME_PARENT,
        UNRELATED
    }

    record Node(String code, String nameZh, String nameEn, List<String> keywords, List<Node> children) {
    }

    record File(int version, List<Node> fields) {
    }

    private final int version;
    private final Map<String, TechnologyField> byCode = new LinkedHashMap<>();

    private FieldTaxonomy(File file) {
        this.version = file.version();
        for (Node area : file.fields()) {
            byCode.put(area.code(), new TechnologyField(area.code(), area.nameZh(), area.nameEn(), null, List.of()));
            for (Node leaf : area.children()) {
                byCode.put(leaf.code(), new TechnologyField(leaf.code(), leaf.nameZh(), leaf.nameEn(), area.code(),
                        leaf.keywords() == null ? List.of() : List.copyOf(leaf.keywords())));
            }
        }
    }

    /** The taxonomy shipped with this build. */
    public static FieldTaxonomy standard() {
        return new FieldTaxonomy(ReferenceFiles.read("reference/technology-fields.v1.json", File.class));
    }

    public int version() {
        return version;
    }

    public Optional<TechnologyField> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Demands and providers are tagged with leaf fields only. */
    public boolean isLeaf(String code) {
        return find(code).map(TechnologyField::isLeaf).orElse(false);
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
        List<TechnologyField> children = new ArrayList<>();
        byCode.values().forEach(field -> {
            if (areaCode.equals(field.parentCode())) {
                children.add(field);
            }
        });
        return children;
    }

    public Proximity proximity(String fieldCode, String otherFieldCode) {
        if (fieldCode.equals(otherFieldCode)) {
            return Proximity.SAME_FIELD;
        }
        var field = find(fieldCode);
        var other = find(otherFieldCode);
        if (field.isPresent() && other.isPresent() && field.get().parentCode() != null
                && field.get().parentCode().equals(other.get().parentCode())) {
            return Proximity.SAME_PARENT;
        }
        return Proximity.UNRELATED;
    }
}
