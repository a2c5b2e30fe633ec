package cn.innovationchina.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The stack's operating-system processes: each started with its command and its own log file, found again by name,
 * signalled, and stopped in groups; and the table of them the launcher prints.
 */
final class Processes {

    /**
     * A started process, with the command (and environment) that starts it again and the port its health check
     * answers on (0: none).
     */
    record Running(String name, Process process, String url, List<String> command, Map<String, String> environment,
            int healthPort) {

        boolean isInfrastructure() {
            return name.equals("kafka") || name.equals("mongo") || name.equals(KeycloakServer.NAME);
        }
    }

    private static final int LAST_LINES = 15;

    private final Path root;
    private final Path logs;
    private final DevStack.Compilers compilers;
    private final List<Running> processes = new CopyOnWriteArrayList<>();

    Processes(Path root, Path data, DevStack.Compilers compilers) {
        this.root = root;
        this.logs = data.resolve("logs");
        this.compilers = compilers;
    }

    /** How a JVM of the stack collects its garbage. */
    enum Collector {
        /** One thread and the least memory: for heaps of a few hundred MB on a machine of two shared cores. */
        SERIAL("-XX:+UseSerialGC"),
        /**
         * Pauses bounded whatever the heap holds: for the in-memory stand-in, whose heap is the platform's data, where
         * one serial collection of a filled platform stopped every store command for 4.4 s (ADR 0091).
         */
        G1("-XX:+UseG1GC");

        private final String option;

        Collector(String option) {
            this.option = option;
        }
    }

    /** {@link #java(int, Collector, String...)} with the serial collector. */
    List<String> java(int heapMegabytes, String... arguments) {
        return java(heapMegabytes, Collector.SERIAL, arguments);
    }

    /**
     * A JVM command with a small heap and the given collector, Netty's pooled allocator (its default one released a
     * refused request body's memory twice, ADR 0050) and the stack's JIT compilers (ADR 0089). Class metadata may
     * grow to 256 MB before it asks for a collection: from the JVM's 21 MB a warming process stopped for a full
     * collection each time its class metadata outgrew the last threshold, 25 times in a load run (ADR 0088).
     */
    List<String> java(int heapMegabytes, Collector collector, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heapMegabytes + "m", collector.option,
                "-XX:MetaspaceSize=256m", "-Xss512k", "-Dio.netty.allocator.type=pooled"));
        command.addAll(compilers.options());
        command.addAll(List.of(arguments));
        return command;
    }

    /** The java of the JDK this launcher runs on, which starts every JVM of the stack. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    void start(String name, List<String> command, String url, int healthPort) throws IOException {
        start(name, command, Map.of(), url, healthPort);
    }

    /** Starts a process with these variables added to the environment. */
    Running start(String name, List<String> command, Map<String, String> environment, String url, int healthPort)
            throws IOException {
        var builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(name).toFile()));
        builder.environment().putAll(environment);
        var running = new Running(name, builder.start(), url, command, Map.copyOf(environment), healthPort);
        processes.add(running);
        return running;
    }

    /** Starts a process again with its command, as a new entry in place of the old one. */
    void startAgain(Running old) throws IOException {
        processes.remove(old);
        start(old.name(), old.command(), old.environment(), old.url(), old.healthPort());
    }

    List<Running> all() {
        return List.copyOf(processes);
    }

    List<String> names() {
        return processes.stream().map(Running::name).toList();
    }

    Running running(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No process " + name + " in " + names()));
    }

    Path logFile(String name) {
        return logs.resolve(name + ".log");
    }

    /** Fails, naming its log, if the process has exited: waiting for it to answer would be in vain. */
    void ensureAlive(String name) {
        processes.stream().filter(p -> p.name().equals(name) && !p.process().isAlive()).findFirst()
                .ifPresent(p -> {
                    throw new IllegalStateException(name + " exited with " + p.process().exitValue() + ": see "
                            + logFile(name) + lastLines(logFile(name)));
                });
    }

    /** The log's last lines, where a process that exited says why (a port taken, a bad setting). */
    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "" : ", which ends:\n" + String.join("\n",
                    lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size()));
        } catch (IOException e) {
            return " (unreadable: " + e.getMessage() + ")";
        }
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    void kill(String name) throws InterruptedException {
        Process process = running(name).process();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends a signal (STOP, CONT) to the process. */
    void signal(String name, String signal) throws IOException, InterruptedException {
        long pid = running(name).process().pid();
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + name + " failed with " + exit);
        }
    }

    /**
     * Stops the group politely, all at once; whatever does not stop within 60 s is killed. A service's first run of
     * a build writes its class archive as it stops (ADR 0060), which takes several of those seconds when all do.
     */
    static void stopTogether(List<Running> group) {
        for (Running running : group) {
            running.process().descendants().forEach(ProcessHandle::destroy);
            running.process().destroy();
        }
        for (Running running : group) {
            try {
                if (!running.process().waitFor(60, TimeUnit.SECONDS)) {
                    running.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                if (!running.process().isAlive()) {
                    ClassData.adopt(running.command(), running.process().exitValue());
                }
            } catch (InterruptedException e) {
                running.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Each process with its pid, URL and log, and below it its notes (the gateway: where to sign in; Keycloak: its
     * admin console and users), else a service's Swagger UI.
     */
    String table(Map<String, List<String>> notes) {
        var table = new StringBuilder("\n  %-22s %-8s %-34s %s%n".formatted("PROCESS", "PID", "URL", "LOG"));
        for (Running running : processes) {
            table.append("  %-22s %-8d %-34s %s%n".formatted(running.name(), running.process().pid(), running.url(),
                    root.relativize(logFile(running.name()))));
            if (notes.containsKey(running.name())) {
                notes.get(running.name()).forEach(note -> table.append("  %-22s %-8s %s%n".formatted("", "", note)));
            } else if (running.url().startsWith("http")) {
                table.append("  %-22s %-8s %-34s%n".formatted("", "", running.url() + "/swagger-ui.html"));
            }
        }
        return table.toString();
    }

    long residentMegabytes() {
        long kilobytes = 0;
        for (Running running : processes) {
            kilobytes += residentKilobytes(running.process().pid());
        }
        return kilobytes / 1024;
    }

    private static long residentKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // not on Linux, or the process is gone: counts as nothing
        }
        return 0;
    }
}
