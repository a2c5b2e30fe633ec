package cn.innovationchina.testkit.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of one ranking of a {@link LabelledSet}: for each demand the providers in the order the engine
 * proposed them, however they were obtained (in process or over HTTP).
 *
 * <ul>
 * <li>{@code ndcg@10}: gain 2^grade − 1, discount log2(position + 1); the ideal ranking is made of every judged
 * pair that is eligible ({@link Exclusion}), best grade first. A ranked provider that is not eligible, or not
 * judged, gains nothing. A demand with no eligible judged provider above grade 0 scores 0.</li>
 * <li>{@code p@5}: eligible providers of grade 2 or 3 among the first five, over five.</li>
 * <li>{@code mrr}: 1 / rank of the first provider with the best grade an eligible provider has for the demand.</li>
 * <li>grade-3 recall@10: the eligible grade-3 pairs found in the first ten, split by language: a pair is
 * cross-language when the provider writes none of the demand's languages (a mixed demand is in Chinese and
 * English, so any provider writing either is same-language).</li>
 * <li>grade 0 in a top 3: providers judged 0, or not judged (which counts as 0), among a demand's first three.</li>
 * <li>violations: proposed pairs the set excludes, and how many of each {@link Exclusion} kind (a pair may have
 * several).</li>
 * </ul>
 * Means are taken over every demand of the set; a demand without a ranking counts as an empty one.
 */
public record QualityFigures(int demands, int providers, double ndcgAt10, double precisionAt5, double mrr,
        Recall gradeThreeSameLanguage, Recall gradeThreeCrossLanguage, List<Proposed> gradeZeroInTopThree,
        List<Violation> violations, Map<String, DemandFigures> perDemand) {

    public static final int K = 10;

    public QualityFigures {
        gradeZeroInTopThree = List.copyOf(gradeZeroInTopThree);
        violations = List.copyOf(violations);
        perDemand = Collections.unmodifiableMap(new LinkedHashMap<>(perDemand));
    }

    /** Found of so many; {@code value} is NaN when there was nothing to find. */
    public record Recall(int found, int of) {

        public double value() {
            return of == 0 ? Double.NaN : (double) found / of;
        }

        String figure() {
            return of == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", value());
        }
    }

    /** A provider at a rank (from 1) of a demand's list, with its grade; {@code judged} false: unjudged, so 0. */
    public record Proposed(String demandId, String providerId, int rank, int grade, boolean judged) {

        public String label() {
            return providerId + "=" + (judged ? String.valueOf(grade) : "unjudged");
        }
    }

    /** A proposed pair the set excludes, and why. */
    public record Violation(Proposed proposed, Set<Exclusion> exclusions) {
    }

    /** One demand: its nDCG@10, whether it was ranked at all, and its first five. */
    public record DemandFigures(String demandId, double ndcgAt10, boolean ranked, List<Proposed> topFive) {
    }

    /**
     * @param rankings for each demand id, the proposed provider ids, best first; a demand missing here was not
     *                 ranked
     */
    public static QualityFigures measure(LabelledSet set, Map<String, List<String>> rankings) {
        Map<String, LabelledSet.Provider> providers = set.providers().stream()
                .collect(Collectors.toMap(LabelledSet.Provider::id, Function.identity()));
        double ndcg = 0;
        double precision = 0;
        double mrr = 0;
        int[] recall = new int[4];
        List<Proposed> gradeZero = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Map<String, DemandFigures> perDemand = new LinkedHashMap<>();
        for (var demand : set.demands()) {
            List<String> ranked = rankings.getOrDefault(demand.id(), List.of());
            Map<String, Integer> grades = set.gradesOf(demand.id());
            Map<String, Integer> eligibleGrades = new HashMap<>();
            grades.forEach((id, grade) -> {
                if (Exclusion.eligible(demand, providers.get(id))) {
                    eligibleGrades.put(id, grade);
                }
            });
            List<Proposed> proposed = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                String id = ranked.get(i);
                proposed.add(new Proposed(demand.id(), id, i + 1, grades.getOrDefault(id, 0), grades.containsKey(id)));
            }
            double demandNdcg = ndcg(ranked, eligibleGrades);
            ndcg += demandNdcg;
            precision += ranked.stream().limit(5).filter(id -> eligibleGrades.getOrDefault(id, 0) >= 2).count() / 5.0;
            mrr += reciprocalRank(ranked, eligibleGrades);
            eligibleGrades.forEach((id, grade) -> {
                if (grade == 3) {
                    int slot = crossLanguage(demand, providers.get(id)) ? 2 : 0;
                    recall[slot]++;
                    recall[slot + 1] += ranked.stream().limit(K).anyMatch(id::equals) ? 1 : 0;
                }
            });
            proposed.stream().limit(3).filter(p -> p.grade() == 0).forEach(gradeZero::add);
            for (var pair : proposed) {
                var provider = providers.get(pair.providerId());
                var exclusions = provider == null ? Set.<Exclusion>of() : Exclusion.of(demand, provider);
                if (!exclusions.isEmpty()) {
                    violations.add(new Violation(pair, exclusions));
                }
            }
            perDemand.put(demand.id(), new DemandFigures(demand.id(), demandNdcg, rankings.containsKey(demand.id()),
                    proposed.stream().limit(5).toList()));
        }
        int n = Math.max(1, set.demands().size());
        return new QualityFigures(set.demands().size(), set.providers().size(), ndcg / n, precision / n, mrr / n,
                new Recall(recall[1], recall[0]), new Recall(recall[3], recall[2]), gradeZero, violations, perDemand);
    }

    /** Cross-language: the provider writes none of the demand's languages. */
    public static boolean crossLanguage(LabelledSet.Demand demand, LabelledSet.Provider provider) {
        return demand.languages().stream().noneMatch(provider.languages()::contains);
    }

    /** How many proposed pairs violate each kind of exclusion; every kind is listed, 0 included. */
    public Map<Exclusion, Integer> violationsByKind() {
        Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        for (Exclusion kind : Exclusion.values()) {
            counts.put(kind, 0);
        }
        violations.forEach(v -> v.exclusions().forEach(kind -> counts.merge(kind, 1, Integer::sum)));
        return counts;
    }

    /** Demands whose nDCG@10 is below the threshold, worst first. */
    public List<DemandFigures> weak(double below) {
        return perDemand.values().stream().filter(d -> d.ndcgAt10() < below)
                .sorted(Comparator.comparingDouble(DemandFigures::ndcgAt10)).toList();
    }

    /**
     * The summary line, {@code quality: set=... demands=... ndcg@10=...}; {@code unjudged_top3} says how many of
     * the {@code grade0_top3} were not judged at all (a gap of the set rather than a proven miss).
     */
    public String line(String setName) {
        long unjudged = gradeZeroInTopThree.stream().filter(p -> !p.judged()).count();
        return String.format(Locale.ROOT, "quality: set=%s demands=%d providers=%d ndcg@10=%.3f p@5=%.3f mrr=%.3f "
                + "recall3_same=%s recall3_cross=%s grade0_top3=%d unjudged_top3=%d violations=%d", setName, demands,
                providers, ndcgAt10, precisionAt5, mrr, gradeThreeSameLanguage.figure(),
                gradeThreeCrossLanguage.figure(), gradeZeroInTopThree.size(), unjudged, violations.size());
    }

    /**
     * The sets side by side: each one's nDCG@10 and the widest gap between any two, held to the 0.05, in the
     * line both harnesses print.
     */
    public static String acrossSets(Map<String, QualityFigures> bySet) {
        var ndcg = bySet.values().stream().mapToDouble(QualityFigures::ndcgAt10).summaryStatistics();
        double gap = ndcg.getMax() - ndcg.getMin();
        return String.format(Locale.ROOT, "sets: ndcg@10 %s, gap %.3f (%s 0.05)", String.join(", ", bySet.entrySet()
                .stream().map(e -> String.format(Locale.ROOT, "%s=%.3f", e.getKey(), e.getValue().ndcgAt10()))
                .toList()), gap, gap <= 0.05 ? "within" : "over");
    }

    /** nDCG@10 of a ranking against the grades of the eligible providers, the ideal over all of them. */
    public static double ndcg(List<String> ranked, Map<String, Integer> eligibleGrades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            dcg += gain(eligibleGrades.getOrDefault(ranked.get(i), 0), i);
        }
        var ideal = eligibleGrades.values().stream().sorted(Comparator.reverseOrder()).limit(K).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += gain(ideal.get(i), i);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** (2^grade − 1) / log2(position + 2), position from 0. */
    private static double gain(int grade, int position) {
        return (Math.pow(2, grade) - 1) / (Math.log(position + 2) / Math.log(2));
    }

    /** 1 / rank of the first provider with the best grade any eligible provider has; 0 if none is ranked. */
    public static double reciprocalRank(List<String> ranked, Map<String, Integer> eligibleGrades) {
        int best = eligibleGrades.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int i = 0; i < ranked.size() && best > 0; i++) {
            if (eligibleGrades.getOrDefault(ranked.get(i), 0) == best) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }
}
