package cn.innovationchina.matching.domain;

import java.util.ArrayList;
import java.util.List;

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.reference.FieldTaxonomy;

/** A published demand as matching reads it; {@code open} until it is withdrawn, closed or expired. */
public record Demand(String id, EnterpriseRef enterprise, String cityCode, DemandContent content, boolean open,
        long version) {

    public String enterpriseId() {
        return enterprise.enterpriseId();
    }

    public Demand ended(long newVersion) {
        return new Demand(id, enterprise, cityCode, content, false, newVersion);
    }

    /**
     * The texts a provider's profile is searched with: title, key problems, target outcomes and keywords, plus the
     * names and keywords of the demand's fields (the taxonomy's synonyms). The background is left out: it tells
     * the story of the enterprise more than the expertise it needs.
     */
    public List<String> searchTexts(FieldTaxonomy fields) {
        List<String> texts = new ArrayList<>();
        texts.add(content.title());
        texts.addAll(content.keyProblems());
        texts.add(content.targetOutcomes());
        texts.addAll(content.keywords());
        for (String code : content.fieldCodes()) {
            fields.find(code).ifPresent(field -> {
                texts.add(field.nameZh());
                texts.add(field.nameEn());
                texts.addAll(field.keywords());
            });
        }
        return texts;
    }
}
