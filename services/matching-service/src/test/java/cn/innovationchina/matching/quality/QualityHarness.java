package cn.innovationchina.matching.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.innovationchina.matching.domain.Candidate;
import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.domain.RankingWeights;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.testkit.quality.Exclusion;
import cn.innovationchina.testkit.quality.LabelledSet;
import cn.innovationchina.testkit.quality.QualityFigures;

/**
 * Runs the labelled sets ({@link InProcessSet}: the first, ADR 0021; the second, ADR 0037; the third, ADR 0065, and
 * its variant in traditional characters, ADR 0084; the fourth, ADR 0096; read by the same {@link LabelledSet} reader
 * as the end-to-end run) through the real index and ranking and prints, per set, the figures, text-only baseline
 * first, then the end-to-end run's {@code quality:} line measured by {@link QualityFigures}, a probe of each demand's
 * first five (relevance and grade), and per grade how the relevance of the providers below the first compares with
 * the list's best (where a relative evidence floor would fall, ADR 0035). Every candidate with evidence, scored, is
 * written to {@code target/quality-probe-<set>.tsv} and every judged pair to {@code target/quality-judged-<set>.tsv},
 * to study where relevant and irrelevant providers fall. Not part of {@code verify} (its name does not end in Test);
 * run it with the command in the developers' guide (docs/guides/developer.md).
 *
 * <p>Who may be proposed is decided here again, independently of {@code HardRules}, from the profiles themselves
 * ({@link Exclusion}): a provider the rules exclude (conflict of interest, no free capacity, cooperation modes that
 * do not fit, unverified for a confidential demand, busy or on leave) is a violation if ranked, and is left out of
 * the ideal ranking nDCG is measured against, however good its profile. Unjudged providers count as grade 0. MRR is
 * the reciprocal rank of the first provider with the best grade an eligible provider has for the demand.
 */
class QualityHarness {

    private static final int K = 10;
    private static final Divisions DIVISIONS = Divisions.standard();
    /** The baseline: text relevance alone decides, after the same hard rules. */
    private static final RankingWeights TEXT_ONLY = new RankingWeights(1, 0, 0, 0, 0, 0, Integer.MAX_VALUE, K);

    @Test
    void measure() {
        Map<String, QualityFigures> measured = new LinkedHashMap<>();
        for (var set : List.of(InProcessSet.first(), InProcessSet.second(), InProcessSet.third(),
                InProcessSet.thirdTraditional(), InProcessSet.fourth())) {
            measured.put(set.name(), measure(set));
        }
        System.out.println(QualityFigures.acrossSets(measured));
        measured.values().forEach(figures -> assertThat(figures.violations()).isEmpty());
    }

    private static QualityFigures measure(InProcessSet set) {
        var fields = FieldTaxonomy.standard();
        var cities = PilotCities.standard();
        var labelled = set.labelled();
        System.out.println("== set " + set.name());
        try (var index = new ProviderIndex(fields)) {
            index.put(set.providers().values().stream().map(InProcessSet.ProviderEntry::provider).toList());
            var baseline = run(set, index, new Ranking(fields, cities, DIVISIONS, TEXT_ONLY));
            var standard = run(set, index, new Ranking(fields, cities, DIVISIONS, RankingWeights.standard()));
            System.out.println("set: " + set.demands().size() + " demands, " + set.providers().size()
                    + " providers, " + labelled.judgements().size() + " judgements");
            System.out.println(composition(set, fields));
            standard.perDemand().entrySet().stream().filter(e -> e.getValue() < 0.6)
                    .sorted(Map.Entry.comparingByValue())
                    .forEach(e -> System.out.println(String.format(Locale.ROOT, "  weak: %s ndcg@10=%.3f top5=%s",
                            e.getKey(), e.getValue(), standard.tops().get(e.getKey()))));
            System.out.println(String.format(Locale.ROOT, "p@5 ceiling (eligible providers graded 2-3, at most 5, "
                    + "per demand): %.3f", pAt5Ceiling(set)));
            standard.unjudged().forEach((demand, ids) -> System.out.println("  unjudged in top 10: " + demand + " "
                    + ids));
            System.out.println("baseline " + baseline.recall().line());
            System.out.println("standard " + standard.recall().line());
            System.out.println("baseline " + baseline.noise().line());
            System.out.println("standard " + standard.noise().line());
            standard.noise().gradeZeroes().forEach(zero -> System.out.println("  grade-0 in a top 3: " + zero));
            System.out.println("baseline (text only, same hard rules): " + baseline.line());
            System.out.println("other hard rules, standard weights: mode_violations=" + standard.modeViolations()
                    + " confidential_violations=" + standard.confidentialViolations() + " unavailable_violations="
                    + standard.unavailableViolations());
            System.out.println("quality: " + standard.line());
            standard.probe().forEach(line -> System.out.println("  probe " + line));
            standard.spread().forEach((kind, ratios) -> System.out.println("relevance / the list's best, ranks 2-10, "
                    + kind + ": " + quantiles(ratios)));
            var standardWeights = RankingWeights.standard();
            var everyone = new RankingWeights(standardWeights.text(), standardWeights.field(),
                    standardWeights.location(), standardWeights.capacity(), standardWeights.trackRecord(),
                    standardWeights.mismatchPenalty(), standardWeights.perAffiliationCap(), 200);
            writeProbe(set.name(), run(set, index, new Ranking(fields, cities, DIVISIONS, everyone)).rows(),
                    judged(labelled));
            var figures = QualityFigures.measure(labelled, standard.rankings());
            figures.gradeZeroInTopThree().forEach(p -> System.out.println("  grade 0 in a top 3: " + p.demandId()
                    + " #" + p.rank() + " " + p.label()));
            System.out.println("violations by kind: " + figures.violationsByKind());
            System.out.println(String.format(Locale.ROOT, "eligible grade-3 pairs in the top 10: within one "
                    + "language %d/%d, across languages %d/%d", figures.gradeThreeSameLanguage().found(),
                    figures.gradeThreeSameLanguage().of(), figures.gradeThreeCrossLanguage().found(),
                    figures.gradeThreeCrossLanguage().of()));
            System.out.println(figures.line(set.name()));
            return figures;
        }
    }

    record Figures(double ndcg, double precision, double mrr, int coiViolations, int capacityViolations,
            int modeViolations, int confidentialViolations, int unavailableViolations, Map<String, Double> perDemand,
            Map<String, List<String>> tops, Map<String, List<String>> unjudged, Recall recall, Noise noise,
            Map<String, List<String>> rankings, List<String> probe, List<String> rows,
            Map<String, List<Double>> spread) {

        String line() {
            return String.format(Locale.ROOT, "ndcg@10=%.3f p@5=%.3f mrr=%.3f coi_violations=%d capacity_violations=%d",
                    ndcg, precision, mrr, coiViolations, capacityViolations);
        }
    }

    /** How many of the eligible grade-3 providers reached the top 10, by language and by region. */
    record Recall(int sameLanguage, int sameLanguageFound, int otherLanguage, int otherLanguageFound,
            int crossRegion, int crossRegionFound) {

        String line() {
            return String.format(Locale.ROOT, "eligible grade-3 providers in the top 10: same language %d/%d, "
                    + "other language %d/%d, cross-region %d/%d; grade-3 recall@10 same language %.3f, across "
                    + "languages %.3f", sameLanguageFound, sameLanguage, otherLanguageFound, otherLanguage,
                    crossRegionFound, crossRegion, share(sameLanguageFound, sameLanguage),
                    share(otherLanguageFound, otherLanguage));
        }
    }

    /**
     * What a list should not hold: grade-0 providers (judged 0 or unjudged) in a top 3 and on how many demands,
     * first places held by one, and proposals sharing no word with the demand.
     */
    record Noise(int gradeZeroInTop3, int demandsWithGradeZeroInTop3, int gradeZeroFirst, int withoutSharedWord,
            int proposals, List<String> gradeZeroes) {

        String line() {
            return String.format(Locale.ROOT, "grade-0 in a top 3: %d (on %d demands), first: %d; proposals sharing"
                    + " no word with the demand: %d of %d", gradeZeroInTop3, demandsWithGradeZeroInTop3, gradeZeroFirst,
                    withoutSharedWord, proposals);
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static Figures run(InProcessSet set, ProviderIndex index, Ranking ranking) {
        var fields = FieldTaxonomy.standard();
        double ndcg = 0;
        double precision = 0;
        double mrr = 0;
        Map<Exclusion, Integer> violations = new HashMap<>();
        Map<String, Double> perDemand = new HashMap<>();
        Map<String, List<String>> tops = new HashMap<>();
        Map<String, List<String>> unjudged = new TreeMap<>();
        Map<String, List<String>> rankings = new LinkedHashMap<>();
        List<String> probe = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        Map<String, List<Double>> spread = new TreeMap<>();
        int[] recall = new int[6];
        int[] noise = new int[5];
        List<String> zeroes = new ArrayList<>();
        for (var entry : set.demands()) {
            var demand = entry.demand();
            var hits = index.search(demand.searchTexts(fields), demand.content().fieldCodes(),
                    demand.content().cooperationModes(), 200);
            List<Candidate> candidates = new ArrayList<>();
            Map<String, Double> texts = new HashMap<>();
            for (var hit : hits) {
                var provider = set.provider(hit.providerId());
                candidates.add(new Candidate(provider.provider(), provider.trackRecord(), hit.relevance(),
                        hit.matchedTerms()));
                texts.put(hit.providerId(), (double) hit.relevance());
            }
            var proposals = ranking.rank(demand, candidates).proposals();
            List<String> ranked = proposals.stream().map(p -> p.provider().id()).toList();
            rankings.put(entry.id(), ranked);
            var grades = set.labelled().gradesOf(entry.id());
            long zeroInTop3 = ranked.stream().limit(3).filter(id -> grades.getOrDefault(id, 0) == 0).count();
            noise[0] += (int) zeroInTop3;
            List<String> probed = new ArrayList<>();
            double[] relevances = new double[proposals.size()];
            for (int i = 0; i < proposals.size(); i++) {
                var provider = proposals.get(i).provider();
                relevances[i] = ranking.weights().text() * texts.get(provider.id()) + ranking.weights().field()
                        * fieldScore(fields, demand.content().fieldCodes(), provider.profile().fieldCodes());
            }
            double best = Arrays.stream(relevances).max().orElse(1);
            for (int i = 0; i < proposals.size(); i++) {
                var proposal = proposals.get(i);
                String id = proposal.provider().id();
                String grade = grades.containsKey(id) ? String.valueOf(grades.get(id)) : "u";
                if (i < 3 && grades.getOrDefault(id, 0) == 0) {
                    zeroes.add(String.format(Locale.ROOT, "%s #%d %s (%s) %.3f: %s", entry.id(), i + 1, id,
                            grades.containsKey(id) ? "judged 0" : "unjudged", proposal.score(),
                            proposal.explanation().summary()));
                }
                double text = texts.get(id);
                double field = fieldScore(fields, demand.content().fieldCodes(),
                        proposal.provider().profile().fieldCodes());
                double relevance = relevances[i];
                if (i > 0) {
                    if (i < 3 && grades.getOrDefault(id, 0) == 0) {
                        spread.computeIfAbsent("grade 0 or unjudged at rank 2 or 3", k -> new ArrayList<>())
                                .add(relevance / best);
                    }
                    spread.computeIfAbsent(spreadClass(entry, set.labelled().provider(id), grades.get(id)),
                            k -> new ArrayList<>()).add(relevance / best);
                }
                if (i < 5) {
                    probed.add(String.format(Locale.ROOT, "%d %s=%s %.3f", i + 1, id, grade, relevance));
                }
                rows.add(String.format(Locale.ROOT, "%s\t%d\t%s\t%s\t%.4f\t%.4f\t%.4f\t%.2f", entry.id(), i + 1, id,
                        grade, proposal.score(), relevance, text, field));
            }
            probe.add(entry.id() + ": " + String.join(" | ", probed));
            noise[1] += zeroInTop3 > 0 ? 1 : 0;
            noise[2] += !ranked.isEmpty() && grades.getOrDefault(ranked.get(0), 0) == 0 ? 1 : 0;
            noise[3] += (int) proposals.stream().filter(p -> p.explanation().matchedTerms().isEmpty()).count();
            noise[4] += proposals.size();
            Map<String, Integer> eligibleGrades = new HashMap<>();
            grades.forEach((id, grade) -> {
                if (eligible(entry, id, set)) {
                    eligibleGrades.put(id, grade);
                }
            });
            double demandNdcg = QualityFigures.ndcg(ranked, eligibleGrades);
            perDemand.put(entry.id(), demandNdcg);
            tops.put(entry.id(), ranked.stream().limit(5).map(id -> id + "=" + grades.getOrDefault(id, 0)).toList());
            ndcg += demandNdcg;
            grades.forEach((id, grade) -> {
                if (grade == 3 && eligible(entry, id, set)) {
                    int found = ranked.contains(id) ? 1 : 0;
                    int slot = otherLanguage(entry, set.labelled().provider(id)) ? 2 : 0;
                    recall[slot]++;
                    recall[slot + 1] += found;
                    if (crossRegion(entry, set.provider(id))) {
                        recall[4]++;
                        recall[5] += found;
                    }
                }
            });
            var notJudged = ranked.stream().filter(id -> !grades.containsKey(id)).toList();
            if (!notJudged.isEmpty()) {
                unjudged.put(entry.id(), notJudged);
            }
            precision += ranked.stream().limit(5).filter(id -> grades.getOrDefault(id, 0) >= 2).count() / 5.0;
            mrr += QualityFigures.reciprocalRank(ranked, eligibleGrades);
            for (String id : ranked) {
                Exclusion.of(entry.labelled(), set.labelled().provider(id))
                        .forEach(kind -> violations.merge(kind, 1, Integer::sum));
            }
        }
        int n = set.demands().size();
        return new Figures(ndcg / n, precision / n, mrr / n, violations.getOrDefault(Exclusion.CONFLICT, 0),
                violations.getOrDefault(Exclusion.NO_FREE_CAPACITY, 0),
                violations.getOrDefault(Exclusion.MODE_MISMATCH, 0),
                violations.getOrDefault(Exclusion.UNVERIFIED_FOR_CONFIDENTIAL, 0),
                violations.getOrDefault(Exclusion.UNAVAILABLE, 0), perDemand, tops, unjudged,
                new Recall(recall[0], recall[1], recall[2], recall[3], recall[4], recall[5]),
                new Noise(noise[0], noise[1], noise[2], noise[3], noise[4], zeroes), rankings, probe, rows, spread);
    }

    /** Which spread a proposal below the first falls in: its grade, grade 3 split by language. */
    private static String spreadClass(InProcessSet.DemandEntry demand, LabelledSet.Provider provider,
            Integer grade) {
        if (grade == null || grade == 0) {
            return "grade 0 or unjudged";
        }
        if (grade == 3) {
            return QualityFigures.crossLanguage(demand.labelled(), provider) ? "grade 3 across languages"
                    : "grade 3 within a language";
        }
        return "grade " + grade;
    }

    /** n, min, tenth percentile, median and max of a spread of ratios. */
    private static String quantiles(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "n=%d min=%.2f p10=%.2f median=%.2f max=%.2f", sorted.size(),
                sorted.get(0), sorted.get(sorted.size() / 10), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }

    /** Each judged pair, its grade and whether the set lets the provider be proposed for the demand. */
    private static List<String> judged(LabelledSet set) {
        Map<String, LabelledSet.Demand> demands = set.demands().stream()
                .collect(Collectors.toMap(LabelledSet.Demand::id, d -> d));
        return set.judgements().stream().map(j -> j.demandId() + "\t" + j.providerId() + "\t" + j.grade() + "\t"
                + Exclusion.eligible(demands.get(j.demandId()), set.provider(j.providerId()))).toList();
    }

    /** As the ranking scores it: mean over the demand's fields of the best proximity (same 1, same area 0.5). */
    private static double fieldScore(FieldTaxonomy fields, List<String> wanted, List<String> offered) {
        return wanted.stream().mapToDouble(w -> offered.stream().mapToDouble(o -> switch (fields.proximity(w, o)) {
            case SAME_FIELD -> 1.0;
            case SAME_PARENT -> 0.5;
            default -> 0.0;
        }).max().orElse(0)).average().orElse(0);
    }

    /**
     * Every candidate with evidence, with its score, relevance (text and field, as the ranking weighs them; the sets
     * hold no mismatches to subtract), text share, field score and grade ({@code u}: unjudged), and every judged pair
     * with whether it is eligible, to look at.
     */
    private static void writeProbe(String name, List<String> rows, List<String> judged) {
        var file = Path.of("target", "quality-probe-" + name + ".tsv");
        var lines = new ArrayList<String>();
        lines.add("demand\trank\tprovider\tgrade\tscore\trelevance\ttext\tfield");
        lines.addAll(rows);
        var judgements = new ArrayList<String>();
        judgements.add("demand\tprovider\tgrade\teligible");
        judgements.addAll(judged);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
            Files.write(Path.of("target", "quality-judged-" + name + ".tsv"), judgements, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best p@5 any ranking could reach: judged 2-3 and eligible, at most 5 per demand. */
    private static double pAt5Ceiling(InProcessSet set) {
        double sum = 0;
        for (var demand : set.demands()) {
            long good = set.labelled().gradesOf(demand.id()).entrySet().stream()
                    .filter(e -> e.getValue() >= 2 && eligible(demand, e.getKey(), set)).count();
            sum += Math.min(5, good) / 5.0;
        }
        return sum / set.demands().size();
    }

    /** As the ranking places them: the enterprise's division against the provider's. */
    private static boolean crossRegion(InProcessSet.DemandEntry demand, InProcessSet.ProviderEntry provider) {
        return DIVISIONS.relation(demand.demand().enterprise().divisionCode(), provider.profile().divisionCode())
                == PilotCities.Relation.CROSS_REGION;
    }

    /** A profile a reader of the demand's language could not read: Chinese demand, English-only profile, etc. */
    private static boolean otherLanguage(InProcessSet.DemandEntry demand, LabelledSet.Provider provider) {
        var languages = provider.languages();
        String language = demand.labelled().language();
        return (!language.equals("en") && !languages.contains("zh"))
                || (!language.equals("zh") && !languages.contains("en"));
    }

    private static boolean eligible(InProcessSet.DemandEntry demand, String providerId, InProcessSet set) {
        return Exclusion.eligible(demand.labelled(), set.labelled().provider(providerId));
    }

    /** What the set holds, counted from the data: the kinds of hard case among the judged pairs. */
    private static String composition(InProcessSet set, FieldTaxonomy fields) {
        var labelled = set.labelled();
        Map<String, Long> languages = labelled.demands().stream()
                .collect(Collectors.groupingBy(LabelledSet.Demand::language, Collectors.counting()));
        Map<String, Long> kinds = labelled.providers().stream()
                .collect(Collectors.groupingBy(p -> p.kind().name(), Collectors.counting()));
        Map<String, Long> profileLanguages = labelled.providers().stream()
                .collect(Collectors.groupingBy(p -> String.join("+", p.languages()), Collectors.counting()));
        Map<String, InProcessSet.DemandEntry> demands = set.demands().stream()
                .collect(Collectors.toMap(InProcessSet.DemandEntry::id, d -> d));
        Map<Exclusion, Integer> excluded = new HashMap<>();
        int crossRegionBest = 0;
        int crossLanguageBest = 0;
        int nearMisses = 0;
        int unhelpfulNeighbours = 0;
        for (var judgement : labelled.judgements()) {
            var demand = demands.get(judgement.demandId());
            var provider = labelled.provider(judgement.providerId());
            var exclusions = Exclusion.of(demand.labelled(), provider);
            exclusions.forEach(kind -> excluded.merge(kind, 1, Integer::sum));
            if (judgement.grade() == 3 && exclusions.isEmpty()) {
                crossRegionBest += crossRegion(demand, set.provider(provider.id())) ? 1 : 0;
                crossLanguageBest += otherLanguage(demand, provider) ? 1 : 0;
            }
            if (judgement.grade() <= 1) {
                nearMisses++;
                boolean neighbour = demand.labelled().fieldCodes().stream().anyMatch(wanted -> provider.fieldCodes()
                        .stream().anyMatch(offered -> fields.proximity(wanted, offered)
                                != FieldTaxonomy.Proximity.UNRELATED));
                unhelpfulNeighbours += neighbour ? 1 : 0;
            }
        }
        return "composition: demands by language " + languages + ", providers by kind " + kinds
                + ", profiles by language " + profileLanguages + "; judged pairs: "
                + excluded.getOrDefault(Exclusion.CONFLICT, 0) + " conflicts of interest, "
                + excluded.getOrDefault(Exclusion.NO_FREE_CAPACITY, 0) + " at full capacity, "
                + excluded.getOrDefault(Exclusion.MODE_MISMATCH, 0) + " cooperation-mode mismatches, "
                + excluded.getOrDefault(Exclusion.UNVERIFIED_FOR_CONFIDENTIAL, 0)
                + " unverified for a confidential demand, " + excluded.getOrDefault(Exclusion.UNAVAILABLE, 0)
                + " busy or on leave, " + crossRegionBest + " eligible grade-3 across regions, " + crossLanguageBest
                + " eligible grade-3 in another language, " + nearMisses + " judged 0-1 (near-misses), "
                + unhelpfulNeighbours + " of them in the demand's field or a neighbour";
    }
}
