package cn.innovationchina.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Joins a step's answers with what the probes observed, into the step's {@link StepResult} and its table row. */
final class StepReport {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private StepReport() {
    }

    static StepResult of(Step step, Observations seen, long lagMax, long lagEnd, CpuMeter.Reading before,
            CpuMeter.Reading after) {
        var submit = new Histogram(HIGHEST_MICROS, 3);
        var proposed = new Histogram(HIGHEST_MICROS, 3);
        var inbox = new Histogram(HIGHEST_MICROS, 3);
        var stream = new Histogram(HIGHEST_MICROS, 3);
        long missing = 0;
        long withoutMatches = 0;
        for (var answered : step.responses.entrySet()) {
            Step.Response response = answered.getValue();
            submit.recordValue(micros(response.respondedNanos() - response.intendedNanos()));
            Observations.Proposed proposal = seen.proposed.get(answered.getKey());
            if (proposal != null) {
                proposed.recordValue(micros(proposal.nanos() - response.respondedNanos()));
                if (proposal.proposals() == 0) {
                    // No qualified provider: the city hears of it, the enterprise's inbox does not.
                    withoutMatches++;
                    continue;
                }
            }
            Observations.Delivered delivered = seen.delivered.get(answered.getKey());
            if (delivered == null) {
                missing++;
                continue;
            }
            inbox.recordValue(micros(toInbox(response, delivered).toNanos()));
            stream.recordValue(micros(delivered.streamedNanos() - response.respondedNanos()));
        }
        // Throughput: the answered publications over the time until the last answer, so a backlog lowers it.
        long lastAnswer = step.responses.values().stream().mapToLong(Step.Response::respondedNanos).max()
                .orElse(step.sendsEndedNanos);
        double seconds = Math.max(1e-9, (Math.max(lastAnswer, step.sendsEndedNanos) - step.startedNanos) / 1e9);
        Map<String, Long> reasons = new TreeMap<>();
        step.failures.forEach((reason, count) -> reasons.put(reason, count.sum()));
        Map<String, Double> perDemand = new LinkedHashMap<>();
        int answered = Math.max(1, step.responses.size());
        after.secondsSince(before).forEach((name, cpu) -> perDemand.put(name, cpu * 1000 / answered));
        return new StepResult(step.rate, step.responses.size() / seconds,
                step.sent, step.failed(), reasons, StepResult.Percentiles.of(submit),
                StepResult.Percentiles.of(proposed), StepResult.Percentiles.of(inbox),
                StepResult.Percentiles.of(stream), missing, withoutMatches, lagMax, lagEnd,
                after.busyPercentSince(before), perDemand, after.compilingSecondsSince(before) * 1000 / answered);
    }

    /**
     * When the demands whose inbox entry came later than the target had been answered, in whole seconds into the
     * step: a few neighbouring seconds say one process stalled (a collection, a rebalance), a spread says a queue.
     */
    static Optional<String> lateDeliveries(Step step, Observations seen) {
        Map<Long, Integer> bySecond = new TreeMap<>();
        step.responses.forEach((id, response) -> {
            Observations.Delivered delivered = seen.delivered.get(id);
            if (delivered != null && toInbox(response, delivered).toMillis() > StepResult.INBOX_P99_TARGET_MS) {
                bySecond.merge((response.respondedNanos() - step.startedNanos) / 1_000_000_000L, 1, Integer::sum);
            }
        });
        if (bySecond.isEmpty()) {
            return Optional.empty();
        }
        int late = bySecond.values().stream().mapToInt(Integer::intValue).sum();
        var line = new StringBuilder("       later than %.0f ms to the inbox: %d demands, answered at second (count) of "
                .formatted(StepResult.INBOX_P99_TARGET_MS, late) + "the step begun at " + step.startedAt + ":");
        bySecond.forEach((second, count) -> line.append(" %d (%d)".formatted(second, count)));
        return Optional.of(line.toString());
    }

    /** From the submission's answer to the enterprise's inbox entry, both by the wall clock. */
    private static Duration toInbox(Step.Response response, Observations.Delivered delivered) {
        return Duration.between(response.respondedAt(), delivered.createdAt());
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(HIGHEST_MICROS, nanos / 1000));
    }

    static String header() {
        return "%6s %9s %6s %14s %17s %17s %17s %7s %6s %13s %5s".formatted("RATE/s", "ACHIEVED", "ERRORS",
                "SUBMIT ms", "->PROPOSED ms", "->INBOX ms", "->STREAM ms", "MISSING", "NO-FIT", "LAG max/end",
                "CPU%") + "\n" + " ".repeat(22) + "%14s %17s %17s %17s".formatted("p50/p99/p99.9", "p50/p99/p99.9",
                        "p50/p99/p99.9", "p50/p99/p99.9");
    }

    static String row(StepResult r) {
        return "%6d %9.1f %6d %14s %17s %17s %17s %7d %6d %13s %5.0f".formatted(r.rate(), r.achieved(), r.errors(),
                r.submit().text(), r.proposed().text(), r.inbox().text(), r.stream().text(), r.missing(),
                r.withoutMatches(), r.lagMax() + "/" + r.lagEnd(), r.cpuPercent());
    }

    /**
     * CPU milliseconds per published demand, by process, the costliest first, and how much of the total the JIT
     * compilers took: while that is more than a little, the processes are still warming up.
     */
    static String cpuPerDemand(StepResult r) {
        List<Map.Entry<String, Double>> costs = r.cpuMsPerDemand().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        var line = new StringBuilder("       CPU ms per demand:");
        costs.forEach(cost -> line.append(" %s %.1f".formatted(cost.getKey(), cost.getValue())));
        return line.append(" (total %.1f, of which the JIT compilers %.1f)".formatted(r.cpuMsPerDemandTotal(),
                r.compilingMsPerDemand())).toString();
    }

    /**
     * A step's CPU by process and kind of thread, in ms a demand, each process's costliest kinds first: the view of
     * where the work runs (the Mongo driver's event loop, the HTTP server's, the consumers, the relay, the compilers)
     * that a JFR profile gives by method.
     */
    static List<String> cpuByThread(Step step, CpuMeter.Reading before, CpuMeter.Reading after) {
        int demands = Math.max(1, step.responses.size());
        List<String> lines = new ArrayList<>();
        lines.add("CPU by kind of thread at %d/s, the last step that met every target (ms a demand, from 0.1):"
                .formatted(step.rate));
        after.threadSecondsSince(before).forEach((process, kinds) -> {
            var line = new StringBuilder("  " + process + ":");
            kinds.forEach((kind, seconds) -> {
                double ms = seconds * 1000 / demands;
                if (ms >= 0.1) {
                    line.append(" %s %.1f".formatted(kind, ms));
                }
            });
            lines.add(line.toString());
        });
        return lines;
    }
}
