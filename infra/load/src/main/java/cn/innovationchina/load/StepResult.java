package cn.innovationchina.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * One step's figures: the rate asked and achieved, errors, the three latencies from the submission's answer
 * (MatchesProposed on Kafka, the inbox entry written, the live stream's message), demands whose entry never came,
 * consumer lag, and CPU, with the share of it the JIT compilers took. {@link #misses()} says which of the platform's targets the step did not meet.
 */
record StepResult(int rate, double achieved, long sent, long errors, Map<String, Long> errorsByReason,
        Percentiles submit, Percentiles proposed, Percentiles inbox, Percentiles stream, long missing,
        long withoutMatches, long lagMax, long lagEnd, double cpuPercent, Map<String, Double> cpuMsPerDemand,
        double compilingMsPerDemand) {

    /** The target for the time from the submission's answer to the enterprise's inbox entry. */
    static final double INBOX_P99_TARGET_MS = 500;

    /** Milliseconds at the 50th, 99th and 99.9th percentile of {@code count} values. */
    record Percentiles(long count, double p50, double p99, double p999) {

        static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);

        /** From a histogram recorded in microseconds. */
        static Percentiles of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return NONE;
            }
            return new Percentiles(micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0);
        }

        String text() {
            return count == 0 ? "-" : "%s/%s/%s".formatted(ms(p50), ms(p99), ms(p999));
        }

        private static String ms(double value) {
            return value >= 100 ? "%.0f".formatted(value) : "%.1f".formatted(value);
        }
    }

    /** The targets this step missed, in words; empty when it met them all. */
    List<String> misses() {
        List<String> misses = new ArrayList<>();
        if (achieved < 0.95 * rate) {
            misses.add("achieved %.1f/s of %d/s".formatted(achieved, rate));
        }
        if (errors > 0) {
            misses.add(errors + " errors " + errorsByReason);
        }
        if (missing > 0) {
            misses.add(missing + " inbox entries missing");
        }
        if (inbox.count() > 0 && inbox.p99() > INBOX_P99_TARGET_MS) {
            misses.add("inbox p99 %.0f ms > %.0f ms".formatted(inbox.p99(), INBOX_P99_TARGET_MS));
        }
        if (lagEnd > 0) {
            misses.add("lag %d left %d s after the last delivery".formatted(lagEnd, Load.LAG_GRACE_SECONDS));
        }
        return misses;
    }

    /**
     * The knee of a ramp: the highest rate that met every target before the first that did not. Answers a sentence
     * a reader can quote.
     */
    static String knee(List<StepResult> ramp) {
        StepResult lastGood = null;
        for (StepResult step : ramp) {
            if (!step.misses().isEmpty()) {
                return lastGood == null
                        ? "No step met every target; the first, " + step.rate() + "/s, missed: " + step.misses()
                        : "Knee between " + lastGood.rate() + "/s (the last that met every target) and "
                                + step.rate() + "/s, which missed: " + String.join("; ", step.misses());
            }
            lastGood = step;
        }
        return lastGood == null ? "No steps ran"
                : "Every step met every target, up to " + lastGood.rate() + "/s: the knee is above it";
    }

    /** The share by which a filled platform's CPU per demand may exceed the empty one's (issue 16). */
    static final double FLAT_TOLERANCE = 0.20;

    /**
     * The same rates on the empty platform and on the filled one: CPU per demand, in total and by process, and
     * whether the filled platform stayed within {@link #FLAT_TOLERANCE} of the empty one.
     */
    static List<String> flatWithData(List<StepResult> empty, List<StepResult> filled) {
        List<String> lines = new ArrayList<>();
        for (StepResult before : empty) {
            for (StepResult after : filled) {
                if (after.rate() != before.rate()) {
                    continue;
                }
                double was = before.cpuMsPerDemandTotal();
                double is = after.cpuMsPerDemandTotal();
                var line = new StringBuilder("Flat with the data at %d/s: CPU ms per demand %.1f empty, %.1f filled "
                        .formatted(before.rate(), was, is) + "(%+.0f%%, %s the %.0f%% allowed); by process:"
                        .formatted(100 * (is / was - 1), is <= was * (1 + FLAT_TOLERANCE) ? "within" : "over",
                                100 * FLAT_TOLERANCE));
                before.cpuMsPerDemand().forEach((process, ms) -> line.append(" %s %.1f->%.1f".formatted(process,
                        ms, after.cpuMsPerDemand().getOrDefault(process, Double.NaN))));
                lines.add(line.toString());
                lines.add("  inbox p99 %.0f ms empty, %.0f ms filled; filled step %s".formatted(before.inbox().p99(),
                        after.inbox().p99(), after.misses().isEmpty() ? "met every target"
                                : "missed: " + String.join("; ", after.misses())));
            }
        }
        return lines;
    }

    double cpuMsPerDemandTotal() {
        return cpuMsPerDemand.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
