package cn.innovationchina.matching.quality;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.persistence.OpenDemandIndex;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * Runs {@link RankingBenchmark}, {@link ReverseMatchingBenchmark} and {@link ProviderArrivalBenchmark} with JMH (one forked JVM, one thread), times one
 * index build of 100k providers and reverse matching the way before ADR 0062, then prints the figures, with the bytes
 * each operation allocates (JMH's collector profiler, ADR 0080). Not part of
 * {@code verify} (its name does not end in Test); run it with the command in
 * the developers' guide (docs/guides/developer.md). It asserts nothing about time: figures are read, not gated.
 */
class BenchmarkRun {

    @Test
    void measure() throws RunnerException {
        var options = new OptionsBuilder().include(RankingBenchmark.class.getName() + ".rankOneDemand")
                .include(ReverseMatchingBenchmark.class.getName() + ".findTheOpenDemandsOneProviderFits")
                .include(ProviderArrivalBenchmark.class.getName() + ".readIndexAndReverseMatchOneProvider")
                .forks(1).threads(1).jvmArgs("-Xmx3g", "-XX:+UseParallelGC").addProfiler(GCProfiler.class)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(3))
                .build();
        var results = new Runner(options).run();
        var set = InProcessSet.first();
        var population = RankingBenchmark.population(set, 100_000);
        long started = System.nanoTime();
        try (var index = new ProviderIndex(FieldTaxonomy.standard())) {
            index.put(population.values().stream().map(InProcessSet.ProviderEntry::provider).toList());
        }
        double rebuildSeconds = (System.nanoTime() - started) / 1e9;
        for (var result : results) {
            var statistics = result.getPrimaryResult().getStatistics();
            var allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
            if (result.getParams().getBenchmark().contains("ArrivalBenchmark")) {
                System.out.println(String.format(Locale.ROOT, "one imported provider read, indexed and reverse-matched,"
                        + " no demand open: p50=%.3f ms p99=%.3f ms mean=%.3f ms (%d samples), %.0f KB allocated each",
                        statistics.getPercentile(50), statistics.getPercentile(99), statistics.getMean(),
                        statistics.getN(), allocated == null ? Double.NaN : allocated.getScore() / 1024));
                continue;
            }
            boolean reverse = result.getParams().getBenchmark().contains("OpenDemands");
            System.out.println(String.format(Locale.ROOT, "%s %6s %s: p50=%.2f ms p99=%.2f ms max=%.2f ms"
                    + " (%d samples), %.0f KB allocated each",
                    reverse ? "reverse-match one provider," : "rank one demand,",
                    reverse ? result.getParams().getParam("openDemands") : result.getParams().getParam("providers"),
                    reverse ? "open demands (found by the index)" : "providers", statistics.getPercentile(50),
                    statistics.getPercentile(99), statistics.getMax(), statistics.getN(),
                    allocated == null ? Double.NaN : allocated.getScore() / 1024));
        }
        System.out.println(String.format(Locale.ROOT, "index rebuild, 100000 providers: %.1f s", rebuildSeconds));
        everyOpenDemandAsked(set);
    }

    /**
     * Reverse matching before ADR 0062, timed once: every open demand asked whether the arriving provider ranks for
     * it; and how long the index of 50k open demands takes to build (at start-up).
     */
    private static void everyOpenDemandAsked(InProcessSet set) {
        var fields = FieldTaxonomy.standard();
        try (var providers = new ProviderIndex(fields)) {
            providers.put(RankingBenchmark.population(set, ReverseMatchingBenchmark.PROVIDERS).values().stream()
                    .map(InProcessSet.ProviderEntry::provider).toList());
            var arriving = set.providers().values().iterator().next().provider();
            providers.put(List.of(arriving));
            for (int open : List.of(1_000, 50_000)) {
                var demands = ReverseMatchingBenchmark.demandPopulation(set, open);
                long started = System.nanoTime();
                int ranks = 0;
                for (Demand demand : demands.values()) {
                    ranks += ReverseMatchingBenchmark.ranksFor(providers, fields, arriving, demand) ? 1 : 0;
                }
                System.out.println(String.format(Locale.ROOT, "reverse-match one provider, %6d open demands (every"
                        + " one asked, before ADR 0062): %.2f s, ranks for %d", open,
                        (System.nanoTime() - started) / 1e9, ranks));
                started = System.nanoTime();
                try (var index = new OpenDemandIndex(fields, providers)) {
                    index.put(demands.values());
                    System.out.println(String.format(Locale.ROOT, "open demand index rebuild, %6d demands: %.1f s",
                            open, (System.nanoTime() - started) / 1e9));
                }
            }
        }
    }
}
