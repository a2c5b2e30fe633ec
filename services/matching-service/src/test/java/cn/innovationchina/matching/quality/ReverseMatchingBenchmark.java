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

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.persistence.OpenDemandIndex;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * Reverse matching's search for one provider that has just arrived (ADR 0062): the open demands his profile fits,
 * at most 100, each then asked whether he ranks among its candidates, on one thread, with 1k and 50k open demands
 * and 10k providers. The demands are the first labelled set's, each copy with the keywords of another mixed in; the
 * arriving providers are the set's hand-written profiles. Run by {@link BenchmarkRun}, which also times the way
 * before it: every open demand asked.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReverseMatchingBenchmark {

    static final int PROVIDERS = 10_000;
    static final int DEMAND_POOL = 100;
    static final int CANDIDATE_POOL = 200;

    @Param({"1000", "50000"})
    public int openDemands;

    private FieldTaxonomy fields;
    private ProviderIndex providers;
    private OpenDemandIndex demands;
    private Map<String, Demand> byId;
    private List<Provider> arriving;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        var set = InProcessSet.first();
        fields = FieldTaxonomy.standard();
        providers = new ProviderIndex(fields);
        providers.put(RankingBenchmark.population(set, PROVIDERS).values().stream()
                .map(InProcessSet.ProviderEntry::provider).toList());
        arriving = set.providers().values().stream().map(InProcessSet.ProviderEntry::provider).toList();
        providers.put(arriving);
        byId = demandPopulation(set, openDemands);
        demands = new OpenDemandIndex(fields, providers);
        demands.put(byId.values());
    }

    @TearDown(Level.Trial)
    public void close() {
        demands.close();
        providers.close();
    }

    /** How many of the demands found the provider ranks for: each is then ranked again. */
    @Benchmark
    public int findTheOpenDemandsOneProviderFits() {
        var provider = arriving.get(next++ % arriving.size());
        int ranks = 0;
        for (String id : demands.fitting(provider, DEMAND_POOL)) {
            if (ranksFor(providers, fields, provider, byId.get(id))) {
                ranks++;
            }
        }
        return ranks;
    }

    /** Whether the provider is among the demand's candidates: what reverse matching asks of each demand it reads. */
    static boolean ranksFor(ProviderIndex providers, FieldTaxonomy fields, Provider provider, Demand demand) {
        return providers.ranks(provider.id(), demand.searchTexts(fields), demand.content().fieldCodes(),
                demand.content().cooperationModes(), CANDIDATE_POOL);
    }

    /** {@code size} open demands grown from the set's demands. */
    static Map<String, Demand> demandPopulation(InProcessSet set, int size) {
        var base = set.demands().stream().map(InProcessSet.DemandEntry::demand).toList();
        Map<String, Demand> population = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            var original = base.get(i % base.size());
            var mixed = base.get((i * 7 + 13) % base.size()).content();
            var c = original.content();
            List<String> keywords = new ArrayList<>(c.keywords());
            keywords.addAll(mixed.keywords());
            var content = new DemandContent(c.title() + " #" + i, c.background(), c.keyProblems(), c.targetOutcomes(),
                    c.fieldCodes(), keywords, c.cooperationModes(), c.budget(), c.deadline(), c.visibility(),
                    c.industry());
            String id = original.id() + "-" + i;
            population.put(id, new Demand(id, original.enterprise(), original.cityCode(), content, true, 1));
        }
        return population;
    }
}
