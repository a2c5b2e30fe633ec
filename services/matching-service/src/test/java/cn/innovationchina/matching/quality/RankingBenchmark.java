package cn.innovationchina.matching.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.matching.domain.Candidate;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.domain.RankingResult;
import cn.innovationchina.matching.domain.RankingWeights;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.Division;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.PilotCities;

/**
 * Ranking one demand (index search, candidates, hard rules, scores, diversity, explanations) on one thread against
 * 1k, 10k and 100k providers. The population is the first labelled set's 305 hand-written profiles, each copy in
 * another pilot city and with the keywords of another profile mixed in. Run by {@link BenchmarkRun}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RankingBenchmark {

    /** The providers live all over China, as the CAST network's experts do. */
    private static final List<String> PLACES = Divisions.standard().all().stream().map(Division::code).toList();

    @Param({"1000", "10000", "100000"})
    public int providers;

    private ProviderIndex index;
    private Ranking ranking;
    private Map<String, InProcessSet.ProviderEntry> byId;
    private List<Demand> demands;
    private FieldTaxonomy fields;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        var set = InProcessSet.first();
        fields = FieldTaxonomy.standard();
        ranking = new Ranking(fields, PilotCities.standard(), Divisions.standard(), RankingWeights.standard());
        byId = population(set, providers);
        index = new ProviderIndex(fields);
        index.put(byId.values().stream().map(InProcessSet.ProviderEntry::provider).toList());
        demands = set.demands().stream().map(InProcessSet.DemandEntry::demand).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
        index.close();
    }

    @Benchmark
    public RankingResult rankOneDemand() {
        var demand = demands.get(next++ % demands.size());
        var hits = index.search(demand.searchTexts(fields), demand.content().fieldCodes(),
                    demand.content().cooperationModes(), 200);
        List<Candidate> candidates = new ArrayList<>(hits.size());
        for (var hit : hits) {
            var entry = byId.get(hit.providerId());
            candidates.add(new Candidate(entry.provider(), entry.trackRecord(), hit.relevance(), hit.matchedTerms()));
        }
        return ranking.rank(demand, candidates);
    }

    /** {@code size} providers grown from the set's profiles. */
    static Map<String, InProcessSet.ProviderEntry> population(InProcessSet set, int size) {
        var base = List.copyOf(set.providers().values());
        Map<String, InProcessSet.ProviderEntry> population = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            var original = base.get(i % base.size());
            var mixed = base.get((i * 7 + 13) % base.size()).profile();
            var p = original.profile();
            List<String> keywords = new ArrayList<>(p.keywords());
            keywords.addAll(mixed.keywords());
            var profile = new ProviderProfile(p.name() + " #" + i, p.kind(), p.affiliation() + " #" + (i % 5000),
                    p.affiliationCreditCode(), p.title(), p.fieldCodes(), p.skills(), keywords, p.summary(),
                    p.achievements(), p.services(), null, PLACES.get(i % PLACES.size()), p.regionsServed(), p.languages(),
                    p.capacity(), p.availability(), p.availableFrom(), p.conflictCreditCodes(), p.memberOf(),
                    p.verified());
            String id = original.id() + "-" + i;
            population.put(id, new InProcessSet.ProviderEntry(id, profile, original.activeEngagements()));
        }
        return population;
    }
}
