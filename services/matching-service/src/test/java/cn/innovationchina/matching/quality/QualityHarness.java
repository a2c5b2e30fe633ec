package cn.innovationchina.matching.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.matching.domain.Candidate;
import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.domain.RankingWeights;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.testkit.quality.QualityFigures;

/**
 * Runs the hand-written labelled set ({@link EvaluationSet}) through the real index and ranking and prints the
 * figures, text-only baseline first. Not part of {@code verify} (its name does not end in Test); run it with the
 * command in the developers' guide (docs/guides/developer.md).
 *
 * <p>Who may be proposed is decided here again, independently of {@code HardRules}, from the profiles themselves:
 * a provider the rules exclude (conflict of interest, no free capacity, cooperation modes that do not fit,
 * unverified for a confidential demand, busy or on leave) is a violation if ranked, and is left out of the ideal
 * ranking nDCG is measured against, however good its profile. Unjudged providers count as grade 0. MRR is the
 * reciprocal rank of the first provider with the best grade an eligible provider has for the demand.
 */
class QualityHarness {

    private static final int K = 10;
    private static final Divisions DIVISIONS = Divisions.standard();
    /** The baseline: text relevance alone decides, after the same hard rules. */
    private static final RankingWeights TEXT_ONLY = new RankingWeights(1, 0, 0, 0, 0, 0, Integer.MAX_VALUE, K);

    @Test
    void measure() {
        var set = EvaluationSet.load();
        var fields = FieldTaxonomy.standard();
        var cities = PilotCities.standard();
        Map<String, EvaluationSet.ProviderEntry> providers = set.providers().stream()
                .collect(Collectors.toMap(EvaluationSet.ProviderEntry::id, Function.identity()));
        try (var index = new ProviderIndex(fields)) {
            index.put(set.providers().stream().map(EvaluationSet.ProviderEntry::provider).toList());
            var baseline = run(set, providers, index, new Ranking(fields, cities, DIVISIONS, TEXT_ONLY));
            var standard = run(set, providers, index, new Ranking(fields, cities, DIVISIONS,
                    RankingWeights.standard()));
            System.out.println("set: " + set.demands().size() + " demands, " + set.providers().size()
                    + " providers, " + set.judgements().size() + " judgements");
            System.out.println(composition(set, providers, fields));
            standard.perDemand().entrySet().stream().filter(e -> e.getValue() < 0.6)
                    .sorted(Map.Entry.comparingByValue())
                    .forEach(e -> System.out.println(String.format(Locale.ROOT, "  weak: %s ndcg@10=%.3f top5=%s",
                            e.getKey(), e.getValue(), standard.tops().get(e.getKey()))));
            System.out.println(String.format(Locale.ROOT, "p@5 ceiling (eligible providers graded 2-3, at most 5, "
                    + "per demand): %.3f", pAt5Ceiling(set, providers)));
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
            assertThat(standard.coiViolations() + standard.capacityViolations() + standard.modeViolations()
                    + standard.confidentialViolations() + standard.unavailableViolations()).isZero();
        }
    }

    record Figures(double ndcg, double precision, double mrr, int coiViolations, int capacityViolations,
            int modeViolations, int confidentialViolations, int unavailableViolations, Map<String, Double> perDemand,
            Map<String, List<String>> tops, Map<String, List<String>> unjudged, Recall recall, Noise noise) {

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

    private static Figures run(EvaluationSet set, Map<String, EvaluationSet.ProviderEntry> providers,
            ProviderIndex index, Ranking ranking) {
        var fields = FieldTaxonomy.standard();
        double ndcg = 0;
        double precision = 0;
        double mrr = 0;
        int coi = 0;
        int capacity = 0;
        int modes = 0;
        int confidential = 0;
        int unavailable = 0;
        Map<String, Double> perDemand = new HashMap<>();
        Map<String, List<String>> tops = new HashMap<>();
        Map<String, List<String>> unjudged = new TreeMap<>();
        int[] recall = new int[6];
        int[] noise = new int[5];
        List<String> zeroes = new ArrayList<>();
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
            var proposals = ranking.rank(demand, candidates).proposals();
            List<String> ranked = proposals.stream().map(p -> p.provider().id()).toList();
            var grades = set.gradesOf(entry.id());
            long zeroInTop3 = ranked.stream().limit(3).filter(id -> grades.getOrDefault(id, 0) == 0).count();
            noise[0] += (int) zeroInTop3;
            for (int i = 0; i < Math.min(3, proposals.size()); i++) {
                var proposal = proposals.get(i);
                if (grades.getOrDefault(proposal.provider().id(), 0) == 0) {
                    zeroes.add(String.format(Locale.ROOT, "%s #%d %s (%s) %.3f: %s", entry.id(), i + 1,
                            proposal.provider().id(), grades.containsKey(proposal.provider().id()) ? "judged 0"
                                    : "unjudged", proposal.score(), proposal.explanation().summary()));
                }
            }
            noise[1] += zeroInTop3 > 0 ? 1 : 0;
            noise[2] += !ranked.isEmpty() && grades.getOrDefault(ranked.get(0), 0) == 0 ? 1 : 0;
            noise[3] += (int) proposals.stream().filter(p -> p.explanation().matchedTerms().isEmpty()).count();
            noise[4] += proposals.size();
            Map<String, Integer> eligibleGrades = new HashMap<>();
            grades.forEach((id, grade) -> {
                if (eligible(entry, providers.get(id))) {
                    eligibleGrades.put(id, grade);
                }
            });
            double demandNdcg = QualityFigures.ndcg(ranked, eligibleGrades);
            perDemand.put(entry.id(), demandNdcg);
            tops.put(entry.id(), ranked.stream().limit(5).map(id -> id + "=" + grades.getOrDefault(id, 0)).toList());
            ndcg += demandNdcg;
            grades.forEach((id, grade) -> {
                var provider = providers.get(id);
                if (grade == 3 && eligible(entry, provider)) {
                    int found = ranked.contains(id) ? 1 : 0;
                    int slot = otherLanguage(entry, provider) ? 2 : 0;
                    recall[slot]++;
                    recall[slot + 1] += found;
                    if (crossRegion(entry, provider)) {
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
                var provider = providers.get(id);
                coi += conflicted(entry, provider) ? 1 : 0;
                capacity += full(provider) ? 1 : 0;
                modes += modesMiss(entry, provider) ? 1 : 0;
                confidential += hiddenFrom(entry, provider) ? 1 : 0;
                unavailable += unavailable(provider) ? 1 : 0;
            }
        }
        int n = set.demands().size();
        return new Figures(ndcg / n, precision / n, mrr / n, coi, capacity, modes, confidential, unavailable,
                perDemand, tops, unjudged,
                new Recall(recall[0], recall[1], recall[2], recall[3], recall[4], recall[5]),
                new Noise(noise[0], noise[1], noise[2], noise[3], noise[4], zeroes));
    }

    /** The best p@5 any ranking could reach: judged 2-3 and eligible, at most 5 per demand. */
    private static double pAt5Ceiling(EvaluationSet set, Map<String, EvaluationSet.ProviderEntry> providers) {
        double sum = 0;
        for (var demand : set.demands()) {
            long good = set.gradesOf(demand.id()).entrySet().stream()
                    .filter(e -> e.getValue() >= 2 && eligible(demand, providers.get(e.getKey()))).count();
            sum += Math.min(5, good) / 5.0;
        }
        return sum / set.demands().size();
    }

    /** As the ranking places them: the enterprise's division against the provider's. */
    private static boolean crossRegion(EvaluationSet.DemandEntry demand, EvaluationSet.ProviderEntry provider) {
        return DIVISIONS.relation(demand.enterprise().divisionCode(), provider.profile().divisionCode())
                == PilotCities.Relation.CROSS_REGION;
    }

    /** A profile a reader of the demand's language could not read: Chinese demand, English-only profile, etc. */
    private static boolean otherLanguage(EvaluationSet.DemandEntry demand, EvaluationSet.ProviderEntry provider) {
        var languages = provider.profile().languages();
        return (!demand.language().equals("en") && !languages.contains("zh"))
                || (!demand.language().equals("zh") && !languages.contains("en"));
    }

    private static boolean eligible(EvaluationSet.DemandEntry demand, EvaluationSet.ProviderEntry provider) {
        return !conflicted(demand, provider) && !full(provider) && !modesMiss(demand, provider)
                && !hiddenFrom(demand, provider) && !unavailable(provider);
    }

    private static boolean unavailable(EvaluationSet.ProviderEntry provider) {
        return provider.profile().availability() != Availability.AVAILABLE;
    }

    private static boolean conflicted(EvaluationSet.DemandEntry demand, EvaluationSet.ProviderEntry provider) {
        var profile = provider.profile();
        String code = demand.enterprise().creditCode();
        String name = plain(demand.enterprise().name());
        return code.equals(profile.affiliationCreditCode()) || profile.conflictCreditCodes().contains(code)
                || name.equals(plain(profile.affiliation())) || name.equals(plain(profile.memberOf()));
    }

    private static String plain(String name) {
        return name == null ? "" : name.replaceAll("[\\s\\p{Punct}（）]", "").toLowerCase(Locale.ROOT);
    }

    private static boolean full(EvaluationSet.ProviderEntry provider) {
        return provider.profile().capacity() - provider.activeEngagements() <= 0;
    }

    private static boolean modesMiss(EvaluationSet.DemandEntry demand, EvaluationSet.ProviderEntry provider) {
        var wanted = demand.content().cooperationModes();
        return !wanted.isEmpty() && provider.profile().services().stream().noneMatch(wanted::contains);
    }

    private static boolean hiddenFrom(EvaluationSet.DemandEntry demand, EvaluationSet.ProviderEntry provider) {
        return demand.content().visibility() == Visibility.CONFIDENTIAL && !provider.profile().verified();
    }

    /** What the set holds, counted from the data: the kinds of hard case among the judged pairs. */
    private static String composition(EvaluationSet set, Map<String, EvaluationSet.ProviderEntry> providers,
            FieldTaxonomy fields) {
        Map<String, Long> languages = set.demands().stream()
                .collect(Collectors.groupingBy(EvaluationSet.DemandEntry::language, Collectors.counting()));
        Map<String, Long> kinds = set.providers().stream()
                .collect(Collectors.groupingBy(p -> p.profile().kind().name(), Collectors.counting()));
        Map<String, Long> profileLanguages = set.providers().stream()
                .collect(Collectors.groupingBy(p -> String.join("+", p.profile().languages()), Collectors.counting()));
        Map<String, EvaluationSet.DemandEntry> demands = set.demands().stream()
                .collect(Collectors.toMap(EvaluationSet.DemandEntry::id, Function.identity()));
        int coi = 0;
        int full = 0;
        int modes = 0;
        int confidential = 0;
        int unavailable = 0;
        int crossRegionBest = 0;
        int crossLanguageBest = 0;
        int nearMisses = 0;
        int unhelpfulNeighbours = 0;
        for (var judgement : set.judgements()) {
            var demand = demands.get(judgement.demandId());
            var provider = providers.get(judgement.providerId());
            var profile = provider.profile();
            coi += conflicted(demand, provider) ? 1 : 0;
            full += full(provider) ? 1 : 0;
            modes += modesMiss(demand, provider) ? 1 : 0;
            confidential += hiddenFrom(demand, provider) ? 1 : 0;
            unavailable += unavailable(provider) ? 1 : 0;
            if (judgement.grade() == 3 && eligible(demand, provider)) {
                crossRegionBest += crossRegion(demand, provider) ? 1 : 0;
                crossLanguageBest += otherLanguage(demand, provider) ? 1 : 0;
            }
            if (judgement.grade() <= 1) {
                nearMisses++;
                boolean neighbour = demand.content().fieldCodes().stream().anyMatch(wanted -> profile.fieldCodes()
                        .stream().anyMatch(offered -> fields.proximity(wanted, offered)
                                != FieldTaxonomy.Proximity.UNRELATED));
                unhelpfulNeighbours += neighbour ? 1 : 0;
            }
        }
        return "composition: demands by language " + languages + ", providers by kind " + kinds
                + ", profiles by language " + profileLanguages + "; judged pairs: " + coi + " conflicts of interest, "
                + full + " at full capacity, " + modes + " cooperation-mode mismatches, " + confidential
                + " unverified for a confidential demand, " + unavailable + " busy or on leave, " + crossRegionBest
                + " eligible grade-3 across regions, " + crossLanguageBest + " eligible grade-3 in another language, "
                + nearMisses + " judged 0-1 (near-misses), " + unhelpfulNeighbours
                + " of them in the demand's field or a neighbour";
    }
}
