package cn.innovationchina.faults;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import cn.innovationchina.load.Observations;
import cn.innovationchina.load.Step;

/** How fast a step's demands were published and their news arrived, from what the probes observed. */
final class Latencies {

    private Latencies() {
    }

    /** Demands published per second over the step, from the first one's intended start to the last answer. */
    static double achieved(Step step) {
        long last = step.responses().values().stream().mapToLong(Step.Response::respondedNanos).max().orElse(0);
        long first = step.responses().values().stream().mapToLong(Step.Response::intendedNanos).min().orElse(0);
        return step.published().size() / Math.max(1e-9, (last - first) / 1e9);
    }

    /** From each published demand's answer to its MatchesProposed, p50/p99 in milliseconds. */
    static String proposed(Step step, Observations seen) {
        var histogram = histogram();
        step.responses().forEach((id, response) -> {
            var proposal = seen.proposal(id);
            if (proposal != null) {
                histogram.recordValue(micros(proposal.nanos() - response.respondedNanos()));
            }
        });
        return percentiles(histogram);
    }

    /** From each published demand's answer to the enterprise's inbox entry, and to its live stream (µs). */
    static Histogram[] news(Step step, Observations seen) {
        var inbox = histogram();
        var stream = histogram();
        step.responses().forEach((id, response) -> {
            var delivery = seen.delivery(id);
            if (delivery != null) {
                inbox.recordValue(micros(Duration.between(response.respondedAt(), delivery.createdAt()).toNanos()));
                stream.recordValue(micros(delivery.streamedNanos() - response.respondedNanos()));
            }
        });
        return new Histogram[] {inbox, stream};
    }

    /** The three slowest inbox entries of a step, each with when its demand was sent: a burst or a steady wait. */
    static String slowestNews(Step step, Observations seen) {
        long start = step.responses().values().stream().mapToLong(Step.Response::intendedNanos).min().orElse(0);
        return step.responses().entrySet().stream().filter(answered -> seen.delivery(answered.getKey()) != null)
                .map(answered -> {
                    var response = answered.getValue();
                    long ms = Duration.between(response.respondedAt(),
                            seen.delivery(answered.getKey()).createdAt()).toMillis();
                    return new long[] {ms, (response.intendedNanos() - start) / 1_000_000_000L};
                })
                .sorted((a, b) -> Long.compare(b[0], a[0])).limit(3)
                .map(slow -> slow[0] + " ms for the demand sent at +" + slow[1] + " s").toList().toString();
    }

    /** p50/p99 in milliseconds. */
    static String percentiles(Histogram micros) {
        return "%.0f/%.0f".formatted(micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0);
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(TimeUnit.MINUTES.toMicros(10), nanos / 1000));
    }
}
