package cn.innovationchina.standin;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the stand-in read by scanning a whole collection: per collection, how many scans, how many documents they
 * read, and the shapes of the queries (their field names) that caused them. A hot path that scans shows up here,
 * which is how tests catch a query no index serves.
 */
public final class ScanLog {

    /** One collection's scans so far. */
    public record Scans(long scans, long documentsRead, Set<String> queryShapes) {
    }

    private static final class Tally {
        final LongAdder scans = new LongAdder();
        final LongAdder documents = new LongAdder();
        final Set<String> shapes = ConcurrentHashMap.newKeySet();
    }

    private final Map<String, Tally> byCollection = new ConcurrentHashMap<>();

    void record(String namespace, Set<String> queryFields, int documents) {
        var tally = byCollection.computeIfAbsent(namespace, n -> new Tally());
        tally.scans.increment();
        tally.documents.add(documents);
        tally.shapes.add(new TreeSet<>(queryFields).toString());
    }

    /** Every collection scanned since the last {@link #clear()}, by {@code database.collection}. */
    public Map<String, Scans> snapshot() {
        Map<String, Scans> snapshot = new TreeMap<>();
        byCollection.forEach((namespace, tally) -> snapshot.put(namespace, new Scans(tally.scans.sum(),
                tally.documents.sum(), Set.copyOf(new TreeSet<>(tally.shapes)))));
        return snapshot;
    }

    public void clear() {
        byCollection.clear();
    }
}
