package cn.innovationchina.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from Linux's /proc: the whole machine's busy share, and each process's user+system time, in clock ticks
 * (100 per second on this kernel), so a step can say what one demand cost each service; and of that, what the JVMs'
 * JIT compiler threads took, which is the processes still warming up rather than the demands' own work.
 */
final class CpuMeter {

    static final double TICKS_PER_SECOND = 100;

    /** Ticks at one moment: the machine's busy and total, each named process's own, and their compilers'. */
    record Reading(long busy, long total, Map<String, Long> processes, long compiling) {

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

        /** CPU seconds the processes' JIT compiler threads used since an earlier reading, all processes together. */
        double compilingSecondsSince(Reading earlier) {
            return (compiling - earlier.compiling) / TICKS_PER_SECOND;
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
        pids.forEach((name, pid) -> processes.put(name, ticks(Path.of("/proc/" + pid + "/stat"))));
        long compiling = pids.values().stream().mapToLong(CpuMeter::compilerTicks).sum();
        return new Reading(busy, total, processes, compiling);
    }

    /** The ticks of a process's compiler threads, those HotSpot names "C1 CompilerThread..." and "C2 ...". */
    private static long compilerTicks(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return threads.mapToLong(thread -> {
                String stat = firstLine(thread.resolve("stat"));
                int name = stat.indexOf('(') + 1;
                return stat.startsWith("CompilerThre", name + 3) ? ticks(stat) : 0;
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long ticks(Path statFile) {
        return ticks(firstLine(statFile));
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
        } catch (IOException e) {
            return "";
        }
    }
}
