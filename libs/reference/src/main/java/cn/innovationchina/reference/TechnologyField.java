package cn.innovationchina.reference;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A field of the taxonomy: a top-level area (e.g. ENERGY) or a leaf under it (ENERGY.HYDROGEN). Demands and
 * providers are tagged with leaves; the keywords (Chinese and English) help matching read free text.
 */
public record TechnologyField(String code, String nameZh, String nameEn, @Nullable String parentCode,
        List<String> keywords) {

    public boolean isLeaf() {
        return parentCode != null;
    }
}
