package cn.innovationchina.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.TechnologyField;

/** A published demand as matching reads it; {@code open} until it is withdrawn, closed or expired. */
public record Demand(String id, EnterpriseRef enterprise, String cityCode, DemandContent content, boolean open,
        long version) {

    /** The demand as its publication made it, open. */
    public static Demand published(DemandPublished published, long version) {
        return new Demand(published.demandId(), published.enterprise(), published.cityCode(), published.content(),
                true, version);
    }

    /** The demand as a revision made it, still open. */
    public static Demand revised(DemandRevised revised, long version) {
        return new Demand(revised.demandId(), revised.enterprise(), revised.cityCode(), revised.content(), true,
                version);
    }

    public String enterpriseId() {
        return enterprise.enterpriseId();
    }

    public Demand ended(long newVersion) {
        return new Demand(id, enterprise, cityCode, content, false, newVersion);
    }

    /**
     * The texts a provider's profile is searched with: the words the demand names its need with (title and
     * keywords), those it describes it with (key problems and target outcomes) and, apart from them, the vocabulary
     * of its fields: their names and, in both languages, the taxonomy's synonyms of those fields (and of their areas)
     * that the demand mentions. A synonym the demand does not mention stays out: a field's synonyms name all its
     * sub-topics, and adding them all pulls in the specialists of the sub-topics the demand is not about (ADR 0034).
     * The background is left out: it tells the story of the enterprise more than the expertise it needs.
     */
    public SearchTexts searchTexts(FieldTaxonomy fields) {
        List<String> named = new ArrayList<>();
        named.add(content.title());
        named.addAll(content.keywords());
        List<String> described = new ArrayList<>(content.keyProblems());
        described.add(content.targetOutcomes());
        String written = (String.join("\n", named) + "\n" + String.join("\n", described)).toLowerCase(Locale.ROOT);
        List<String> vocabulary = new ArrayList<>();
        for (String code : content.fieldCodes()) {
            fields.find(code).ifPresent(field -> {
                vocabulary.add(field.nameZh());
                vocabulary.add(field.nameEn());
            });
            for (var synonym : fields.synonymsWithAncestors(code)) {
                if (mentions(written, synonym)) {
                    vocabulary.add(synonym.zh());
                    vocabulary.add(synonym.en());
                }
            }
        }
        return new SearchTexts(named, described, vocabulary);
    }

    /**
     * Chinese has no spaces to find words by; an English term must start a word ("tea" is not in "steady"): the
     * character before it is no letter, digit or underscore. Asked for every synonym of every field of every demand,
     * so the text is lower-cased once and searched without a regular expression.
     */
    private static boolean mentions(String lowerCaseText, TechnologyField.Synonym synonym) {
        if (lowerCaseText.contains(synonym.zh().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String term = synonym.en().toLowerCase(Locale.ROOT);
        for (int at = lowerCaseText.indexOf(term); at >= 0; at = lowerCaseText.indexOf(term, at + 1)) {
            if (at == 0 || !isWordCharacter(lowerCaseText.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
