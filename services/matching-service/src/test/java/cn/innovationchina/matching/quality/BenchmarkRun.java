package cn.innovationchina.matching.quality;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * Runs {@link RankingBenchmark} with JMH (one forked JVM, one thread) and times one index build of 100k providers,
 * then prints the figures. Not part of {@code verify} (its name does not end in Test); run it with the command in
 * the developers' guide (docs/guides/developer.md). It asserts nothing about time: figures are read, not gated.
 */
class BenchmarkRun {

    @Test
    void measure() throws RunnerException {
        var options = new OptionsBuilder().include(RankingBenchmark.class.getName() + ".rankOneDemand")
                .forks(1).threads(1).jvmArgs("-Xmx3g", "-XX:+UseParallelGC")
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
            System.out.println(String.format(Locale.ROOT, "rank one demand, %6s providers: p50=%.2f ms p99=%.2f ms"
                    + " max=%.2f ms (%d samples)", result.getParams().getParam("providers"),
                    statistics.getPercentile(50), statistics.getPercentile(99), statistics.getMax(),
                    statistics.getN()));
        }
        System.out.println(String.format(Locale.ROOT, "index rebuild, 100000 providers: %.1f s", rebuildSeconds));
    }
}
