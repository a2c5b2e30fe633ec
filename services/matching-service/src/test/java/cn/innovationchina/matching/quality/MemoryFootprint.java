package cn.innovationchina.matching.quality;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.persistence.OpenDemandIndex;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.reference.FieldTaxonomy;
import tools.jackson.databind.json.JsonMapper;

/**
 * What matching-service's memory holds at scale, measured: the heap in use after a full collection, before and after
 * each part is built and its index has settled (the analysis's dictionaries, 100,000 providers in the index and the
 * catalog's map, 50,000 open demands in their index). Every provider and demand is a deep copy, so no text is shared
 * between them as in the benchmarks' populations. Not part of {@code verify} (its name does not end in Test); run it
 * with the command in the developers' guide, which ADR 0094 compares with the service's heap limits. It asserts
 * nothing: figures are read, not gated.
 */
class MemoryFootprint {

    private static final int PROVIDERS = 100_000;
    private static final int OPEN_DEMANDS = 50_000;
    private static final JsonMapper JSON = EventJson.mapper();

    @Test
    void measure() throws Exception {
        var set = InProcessSet.first();
        var fields = FieldTaxonomy.standard();
        long before = heldBytes();
        try (var providerIndex = new ProviderIndex(fields)) {
            long dictionaries = heldBytes();
            Map<String, Provider> catalog = providerCopies(set);
            indexInBatches(providerIndex, catalog);
            long withProviders = settledBytes();
            try (var demandIndex = new OpenDemandIndex(fields, providerIndex)) {
                demandIndex.put(demandCopies(set));
                long withDemands = settledBytes();
                print("the analysis's dictionaries (segmenter, bilingual bridge, taxonomy)", dictionaries - before);
                print("%,d providers: the index and the catalog's profiles (%d in the catalog)".formatted(PROVIDERS,
                        catalog.size()), withProviders - dictionaries);
                print("%,d open demands: their index (%d in it)".formatted(OPEN_DEMANDS, demandIndex.size()),
                        withDemands - withProviders);
                print("together", withDemands - before);
            }
        }
    }

    /** The catalog's map of profiles, as {@code ProviderCatalog} holds it; the population grown for it is let go. */
    private static Map<String, Provider> providerCopies(InProcessSet set) {
        Map<String, Provider> catalog = new ConcurrentHashMap<>();
        for (var entry : RankingBenchmark.population(set, PROVIDERS).values()) {
            catalog.put(entry.id(), new Provider(entry.id(), copy(entry.profile(), ProviderProfile.class), true, 1));
        }
        return catalog;
    }

    /** A thousand at a time, as a rebuild's pages and an import's events come, not all in one segment. */
    private static void indexInBatches(ProviderIndex index, Map<String, Provider> catalog) {
        List<Provider> batch = new ArrayList<>();
        for (Provider provider : catalog.values()) {
            batch.add(provider);
            if (batch.size() == 1_000) {
                index.put(batch);
                batch.clear();
            }
        }
        index.put(batch);
    }

    private static List<Demand> demandCopies(InProcessSet set) {
        List<Demand> demands = new ArrayList<>();
        for (var demand : ReverseMatchingBenchmark.demandPopulation(set, OPEN_DEMANDS).values()) {
            demands.add(new Demand(demand.id(), demand.enterprise(), demand.cityCode(),
                    copy(demand.content(), DemandContent.class), true, 1));
        }
        return demands;
    }

    /** A deep copy through JSON: every string its own, as when each profile arrives in an event of its own. */
    private static <T> T copy(T value, Class<T> type) {
        return JSON.readValue(JSON.writeValueAsBytes(value), type);
    }

    /** The heap in use once a full collection has run twice (the second picks up what finalisation released). */
    private static long heldBytes() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The heap held once the indexes are quiet: their writers' buffers flushed and their segments merged in the
     * background (ADR 0053), i.e. two readings a few seconds apart within a megabyte of each other.
     */
    private static long settledBytes() throws InterruptedException {
        long previous = heldBytes();
        for (int reading = 0; reading < 30; reading++) {
            Thread.sleep(3_000);
            long now = heldBytes();
            if (Math.abs(now - previous) < 1024 * 1024) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static void print(String what, long bytes) {
        System.out.println(String.format(Locale.ROOT, "heap held, %s: %.1f MB", what, bytes / 1024.0 / 1024.0));
    }
}
