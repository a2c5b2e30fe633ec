package cn.innovationchina.standin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the stand-in spends its time: per command and collection, how many commands and how long they took, so a
 * harness can tell which of the services' queries or writes grows dearer with the data, beside the {@link ScanLog}.
 */
public final class CommandTimes {

    /** One command on one collection so far. */
    public record Tally(String command, long count, long nanos) {
    }

    private record Counters(LongAdder count, LongAdder nanos) {
    }

    private final Map<String, Counters> byCommand = new ConcurrentHashMap<>();

    void record(String command, String namespace, long nanos) {
        var counters = byCommand.computeIfAbsent(command + " " + namespace,
                key -> new Counters(new LongAdder(), new LongAdder()));
        counters.count().increment();
        counters.nanos().add(nanos);
    }

    /** The commands since the last {@link #clear()}, the longest in all first. */
    public List<Tally> longestFirst() {
        return byCommand.entrySet().stream()
                .map(entry -> new Tally(entry.getKey(), entry.getValue().count().sum(), entry.getValue().nanos().sum()))
                .sorted(Comparator.comparingLong(Tally::nanos).reversed())
                .toList();
    }

    public void clear() {
        byCommand.clear();
    }
}
