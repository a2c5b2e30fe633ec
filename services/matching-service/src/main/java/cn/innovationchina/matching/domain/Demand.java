package cn.innovationchina.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.TechnologyField;

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
     * names of the demand's fields and, in both languages, the taxonomy's synonyms of those fields (and of their
     * areas) that the demand mentions: the bridge that lets a Chinese demand find an English profile and the
     * reverse. A synonym the demand does not mention stays out: a field's synonyms name all its sub-topics, and
     * adding them all pulls in the specialists of the sub-topics the demand is not about (ADR 0034). The background
     * is left out: it tells the story of the enterprise more than the expertise it needs.
     */
    public List<String> searchTexts(FieldTaxonomy fields) {
        List<String> texts = new ArrayList<>();
        texts.add(content.title());
        texts.addAll(content.keyProblems());
        texts.add(content.targetOutcomes());
        texts.addAll(content.keywords());
        String written = String.join("\n", texts);
        for (String code : content.fieldCodes()) {
            fields.find(code).ifPresent(field -> {
                texts.add(field.nameZh());
                texts.add(field.nameEn());
            });
            for (var synonym : fields.synonymsWithAncestors(code)) {
                if (mentions(written, synonym)) {
                    texts.add(synonym.zh());
                    texts.add(synonym.en());
                }
            }
        }
        return texts;
    }

    /** Chinese has no spaces to find words by; an English term must start a word ("tea" is not in "steady"). */
    private static boolean mentions(String text, TechnologyField.Synonym synonym) {
        return text.contains(synonym.zh()) || Pattern.compile("\\b" + Pattern.quote(synonym.en()),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }
}
