package cn.innovationchina.matching.quality;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.persistence.OpenDemandIndex;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * What matching's processor does with one imported provider, its store and the framework left out: the
 * {@code ProviderRegistered} record read from its bytes, the profile put into the provider index, and reverse
 * matching's search of the open demands, none open yet (an import before any demand). The providers are the first
 * labelled set's hand-written profiles, Chinese and English, in turn. Run by {@link BenchmarkRun}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProviderArrivalBenchmark {

    private ProviderIndex providers;
    private OpenDemandIndex demands;
    private List<byte[]> records;
    private long version;

    @Setup(Level.Trial)
    public void build() {
        var fields = FieldTaxonomy.standard();
        providers = new ProviderIndex(fields);
        demands = new OpenDemandIndex(fields, providers);
        records = InProcessSet.first().providers().values().stream().map(entry -> {
            Provider provider = entry.provider();
            return EventJson.write(EventEnvelope.wrap(new ProviderRegistered(provider.id(), provider.profile()),
                    provider.id(), 1, provider.profile().cityCode(), new EventEnvelope.Tracing("load", null),
                    "expert-service", Instant.parse("2026-12-05T08:00:00Z")));
        }).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
        demands.close();
        providers.close();
    }

    /** How many open demands the provider fits: none, as in an import before any demand. */
    @Benchmark
    public int readIndexAndReverseMatchOneProvider() {
        byte[] record = records.get((int) (version++ % records.size()));
        var event = EventJson.read(record);
        Provider provider = Provider.after(null, (ProviderEvent) event.payload(), version).orElseThrow();
        providers.put(List.of(provider));
        return demands.fitting(provider, ReverseMatchingBenchmark.DEMAND_POOL).size();
    }
}
