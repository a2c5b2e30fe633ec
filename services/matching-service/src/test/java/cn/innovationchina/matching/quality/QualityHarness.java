package cn.innovationchina.matching.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.innovationchina.matching.domain.Candidate;
import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.domain.RankingWeights;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

/**
 * Runs the labelled evaluation set through the real index and ranking and prints the figures, text-only baseline
 * first. Not part of {@code verify} (its name does not end in Test); run it with the command in the README.
 * Violations are checked here independently of the hard rules, from the profiles themselves.
 */
class QualityHarness {

    private static final int K = 10;
    /** The baseline: text relevance alone decides, after the same hard rules. */
    private static final RankingWeights TEXT_ONLY = new RankingWeights(1, 0, 0, 0, 0, 0, Integer.MAX_VALUE, K);

    @Test
    void measure() {
        var set = EvaluationSet.load();
        var fields = FieldTaxonomy.standard();
        Map<String, EvaluationSet.ProviderEntry> providers = set.providers().stream()
                .collect(Collectors.toMap(EvaluationSet.ProviderEntry::id, Function.identity()));
        try (var index = new ProviderIndex(fields)) {
            index.put(set.providers().stream().map(EvaluationSet.ProviderEntry::provider).toList());
            var baseline = run(set, providers, index, new Ranking(fields, PilotCities.standard(),
                    TEXT_ONLY));
            var standard = run(set, providers, index, new Ranking(fields, PilotCities.standard(),
                    RankingWeights.standard()));
            System.out.println("set: " + set.demands().size() + " demands, " + set.providers().size()
                    + " providers, " + set.judgements().size() + " judgements");
            System.out.println("baseline (text only, same hard rules): " + baseline.line());
            System.out.println("quality: " + standard.line());
            assertThat(standard.coiViolations() + standard.capacityViolations()).isZero();
        }
    }

    record Figures(double ndcg, double precision, double mrr, int coiViolations, int capacityViolations) {

        String line() {
            return String.format(Locale.ROOT, "ndcg@10=%.3f p@5=%.3f mrr=%.3f coi_violations=%d capacity_violations=%d",
                    ndcg, precision, mrr, coiViolations, capacityViolations);
        }
    }

    private static Figures run(EvaluationSet set, Map<String, EvaluationSet.ProviderEntry> providers,
            ProviderIndex index, Ranking ranking) {
        var fields = FieldTaxonomy.standard();
        double ndcg = 0;
        double precision = 0;
        double mrr = 0;
        int coi = 0;
        int capacity = 0;
        for (var entry : set.demands()) {
            var demand = entry.demand();
            var hits = index.search(demand.searchTexts(fields), demand.content().fieldCodes(),
                    demand.content().cooperationModes(), 200);
            List<Candidate> candidates = new ArrayList<>();
            for (var hit : hits) {
                var provider = providers.get(hit.providerId());
                candidates.add(new Candidate(provider.provider(), provider.trackRecord(), hit.relevance(),
                        hit.matchedTerms()));
            }
            List<String> ranked = ranking.rank(demand, candidates).proposals().stream()
                    .map(p -> p.provider().id()).toList();
            var grades = set.gradesOf(entry.id());
            Map<String, Integer> eligibleGrades = new HashMap<>();
            grades.forEach((id, grade) -> {
                if (!conflicted(entry, providers.get(id)) && !full(providers.get(id))) {
                    eligibleGrades.put(id, grade);
                }
            });
            ndcg += ndcg(ranked, eligibleGrades);
            precision += ranked.stream().limit(5).filter(id -> grades.getOrDefault(id, 0) >= 2).count() / 5.0;
            mrr += reciprocalRank(ranked, grades);
            for (String id : ranked) {
                coi += conflicted(entry, providers.get(id)) ? 1 : 0;
                capacity += full(providers.get(id)) ? 1 : 0;
            }
        }
        int n = set.demands().size();
        return new Figures(ndcg / n, precision / n, mrr / n, coi, capacity);
    }

    private static double ndcg(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0), i);
        }
        var ideal = grades.values().stream().sorted(Comparator.reverseOrder()).limit(K).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += gain(ideal.get(i), i);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double gain(int grade, int position) {
        return (Math.pow(2, grade) - 1) / (Math.log(position + 2) / Math.log(2));
    }

    private static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) == 3) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static boolean conflicted(EvaluationSet.DemandEntry demand, EvaluationSet.ProviderEntry provider) {
        var profile = provider.profile();
        String code = demand.enterprise().creditCode();
        return code.equals(profile.affiliationCreditCode()) || profile.conflictCreditCodes().contains(code)
                || demand.enterprise().name().equals(profile.affiliation());
    }

    private static boolean full(EvaluationSet.ProviderEntry provider) {
        return provider.profile().capacity() - provider.activeEngagements() <= 0;
    }
}
