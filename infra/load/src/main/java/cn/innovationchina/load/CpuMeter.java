package cn.innovationchina.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from Linux's /proc: the whole machine's busy share, and each process's user+system time, in clock ticks
 * (100 per second on this kernel), so a step can say what one demand cost each service; and each process's time by
 * kind of thread (its threads' names, numbers left out: the Mongo driver's event loop, the HTTP server's, Kafka's
 * consumers, the JIT compilers ...). The JIT compilers' share is the processes still warming up rather than the
 * demands' own work.
 */
final class CpuMeter {

    static final double TICKS_PER_SECOND = 100;
    /** HotSpot's compiler threads, "C1 CompilerThread0" and "C2 CompilerThread0", as a kind: /proc cuts names at 15. */
    static final String COMPILERS = "C# CompilerThre";

    /** Ticks at one moment: the machine's busy and total, and each named process's own, in all and by thread kind. */
    record Reading(long busy, long total, Map<String, Long> processes, Map<String, Map<String, Long>> threads) {

        /** The machine's busy share between an earlier reading and this one, in percent of all cores. */
        double busyPercentSince(Reading earlier) {
            long total = this.total - earlier.total;
            return total == 0 ? 0 : 100.0 * (busy - earlier.busy) / total;
        }

        /** CPU seconds each process used since an earlier reading. */
        Map<String, Double> secondsSince(Reading earlier) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            processes.forEach((name, ticks) -> seconds.put(name,
                    (ticks - earlier.processes.getOrDefault(name, ticks)) / TICKS_PER_SECOND));
            return seconds;
        }

        /** CPU seconds the processes used since an earlier reading, all of them together. */
        double totalSecondsSince(Reading earlier) {
            return secondsSince(earlier).values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /**
         * CPU seconds each process used since an earlier reading by kind of thread, the costliest first. A thread that
         * ended in between is not counted.
         */
        Map<String, Map<String, Double>> threadSecondsSince(Reading earlier) {
            Map<String, Map<String, Double>> seconds = new LinkedHashMap<>();
            threads.forEach((process, kinds) -> {
                Map<String, Long> before = earlier.threads.getOrDefault(process, Map.of());
                Map<String, Double> used = new LinkedHashMap<>();
                kinds.entrySet().stream()
                        .map(kind -> Map.entry(kind.getKey(), Math.max(0, kind.getValue()
                                - before.getOrDefault(kind.getKey(), 0L)) / TICKS_PER_SECOND))
                        .filter(kind -> kind.getValue() > 0)
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .forEach(kind -> used.put(kind.getKey(), kind.getValue()));
                seconds.put(process, used);
            });
            return seconds;
        }

        /** CPU seconds the processes' JIT compiler threads used since an earlier reading, all processes together. */
        double compilingSecondsSince(Reading earlier) {
            return threadSecondsSince(earlier).values().stream()
                    .mapToDouble(kinds -> kinds.getOrDefault(COMPILERS, 0.0)).sum();
        }
    }

    static Reading read(Map<String, Long> pids) {
        String[] cpu = firstLine(Path.of("/proc/stat")).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        // idle and iowait are the fourth and fifth numbers.
        long busy = total - Long.parseLong(cpu[4]) - Long.parseLong(cpu[5]);
        Map<String, Long> processes = new LinkedHashMap<>();
        Map<String, Map<String, Long>> threads = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            processes.put(name, ticks(firstLine(Path.of("/proc/" + pid + "/stat"))));
            threads.put(name, threadTicks(pid));
        });
        return new Reading(busy, total, processes, threads);
    }

    /** A process's ticks by kind of thread: each thread's name with its numbers replaced by #. */
    private static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> kinds = new HashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            threads.forEach(thread -> {
                String stat = firstLine(thread.resolve("stat"));
                if (!stat.isEmpty()) {
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    kinds.merge(name.replaceAll("[0-9]+", "#"), ticks(stat), Long::sum);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // The process ended: no threads to count.
        }
        return kinds;
    }

    private static long ticks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        // After the command name in parentheses: state is field 3, utime 14 and stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String firstLine(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
