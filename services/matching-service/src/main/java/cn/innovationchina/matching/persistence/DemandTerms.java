package cn.innovationchina.matching.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.innovationchina.matching.domain.SearchTexts;

/**
 * A demand's texts as the terms it is searched with: each analysed word in its language, with the weight of its
 * source and its translations, kept for the demands searched most recently.
 */
final class DemandTerms {

    /**
     * The title and keywords are the words the enterprise chose to name its need: a near-miss often shares the
     * description's object ("LFP batteries") but not the named process ("recycling"). 1.3 to 1.6 measured alike on
     * both evaluation sets (ADR 0063).
     */
    static final double NAMED = 1.5;
    /** The key problems and target outcomes describe the need around what it is named by. */
    static final double DESCRIBED = 1.0;
    /** The field's vocabulary says what the field is about, not what this demand needs. */
    static final double FIELD_VOCABULARY = 0.5;
    /** Demands whose analysed texts are kept: more than the open demands of the pilot cities today. */
    private static final int ANALYSED_DEMANDS = 4096;

    /**
     * One analysed word of a demand: its language, its index term, how the demand wrote it, the weight of its source,
     * and its translations, one of which an explanation shows when a profile has only that ("回收 ~ recycle").
     */
    record DemandTerm(boolean chinese, String term, String surface, double weight,
            List<Bridge.Gloss> translations) {

        String field() {
            return chinese ? ProfileFields.CHINESE : ProfileFields.ENGLISH;
        }

        /** Where a profile that has only this word's translation holds it. */
        String otherLanguageField() {
            return chinese ? ProfileFields.ENGLISH : ProfileFields.CHINESE;
        }

        String bridgedField() {
            return chinese ? ProfileFields.BRIDGED_CHINESE : ProfileFields.BRIDGED_ENGLISH;
        }
    }

    private final Bridge bridge;
    private final TextAnalysis analysis;
    /**
     * Analysing a bilingual demand costs far more than searching with it, and reverse matching puts the queries of up
     * to a hundred open demands to each new provider: the terms are kept by the texts, the least recently used
     * dropped first.
     */
    private final RecentlyUsed<SearchTexts, List<DemandTerm>> analysed = new RecentlyUsed<>(ANALYSED_DEMANDS);

    DemandTerms(Bridge bridge) {
        this.bridge = bridge;
        this.analysis = bridge.analysis();
    }

    /** Each analysed term of a demand, with the word it came from and the weight of its source. */
    List<DemandTerm> of(SearchTexts texts) {
        return analysed.computeIfAbsent(texts, this::demandTerms);
    }

    private List<DemandTerm> demandTerms(SearchTexts texts) {
        Map<String, DemandTerm> terms = new LinkedHashMap<>();
        addTerms(texts.named(), NAMED, terms);
        addTerms(texts.described(), DESCRIBED, terms);
        addTerms(texts.fieldVocabulary(), FIELD_VOCABULARY, terms);
        return List.copyOf(terms.values());
    }

    /** Parts come weightiest first: a word in several weighs as in the weightiest, written as it was there. */
    private void addTerms(List<String> texts, double weight, Map<String, DemandTerm> terms) {
        for (String text : texts) {
            var evidence = analysis.ofDemandText(text);
            for (var word : evidence.english()) {
                terms.computeIfAbsent("en:" + word.stem(), k -> new DemandTerm(false, word.stem(), word.surface(),
                        weight, bridge.translationsFor(word.surface())));
            }
            for (String word : evidence.chinese()) {
                terms.computeIfAbsent("zh:" + word, k -> new DemandTerm(true, word, word, weight,
                        bridge.glossesFor(word)));
            }
        }
    }
}
