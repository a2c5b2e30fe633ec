package cn.innovationchina.load;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** One step of the ramp: the demands it sent at its rate, the answers they got, and what failed, by reason. */
public final class Step {

    /** A published demand: when its send was due (open model), when the submit was answered, by both clocks. */
    public record Response(long intendedNanos, long respondedNanos, Instant respondedAt) {
    }

    final int rate;
    final int seconds;
    final Map<String, Response> responses = new ConcurrentHashMap<>();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    volatile long startedNanos;
    /** The step's start by the wall clock, to find its seconds in the processes' own logs. */
    volatile Instant startedAt;
    volatile long sendsEndedNanos;
    volatile int sent;

    public Step(int rate, int seconds) {
        this.rate = rate;
        this.seconds = seconds;
    }

    void fail(String reason) {
        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public Map<String, Response> responses() {
        return responses;
    }

    /** The published demands' ids. */
    public java.util.Set<String> published() {
        return responses.keySet();
    }

    public Map<String, Long> failuresByReason() {
        Map<String, Long> reasons = new java.util.TreeMap<>();
        failures.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return reasons;
    }

    public long failed() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
