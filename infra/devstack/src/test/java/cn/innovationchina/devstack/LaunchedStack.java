package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The launcher in its own JVM, as the devstack script starts it; read until it says how to stop it. */
public final class LaunchedStack implements AutoCloseable {

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final List<ProcessHandle> children;

    private LaunchedStack(Process process, Duration patience) throws Exception {
        this.process = process;
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + patience.toNanos();
        String line;
        while ((line = reader.readLine()) != null) {
            output.append(line).append('\n');
            if (line.contains("Press Ctrl-C") || System.nanoTime() > deadline) {
                break;
            }
        }
        if (!output.toString().contains("Press Ctrl-C")) {
            // Not up in time: the launcher stops what it started, as on Ctrl-C, before the test fails.
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(output).as("launcher output").contains("Press Ctrl-C");
        children = process.descendants().toList();
        assertThat(children).as("kafka and mongo processes").hasSizeGreaterThanOrEqualTo(2);
    }

    /** Starts the launcher of the repository this module is in, on {@code data}, with the given options. */
    public static LaunchedStack start(Path data, Duration patience, String... options) throws Exception {
        Path root = repositoryRoot();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-cp", System.getProperty("java.class.path"), DevStack.class.getName(), root.toString(),
                "--data", data.toString(), "--stop-with-parent"));
        command.addAll(List.of(options));
        return new LaunchedStack(new ProcessBuilder(command).redirectErrorStream(true).start(), patience);
    }

    public static Path repositoryRoot() {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        assertThat(Files.exists(root.resolve("pom.xml"))).isTrue();
        return root;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String output() {
        return output.toString();
    }

    /**
     * What Ctrl-C sends. The launcher stops the services, then Kafka and the Mongo server, each group given 60 s
     * before it is killed: a first run of a build writes every service's class archive as it stops (ADR 0060), which
     * on two cores can take most of the first minute, so the launcher is given both groups' time.
     */
    public void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        assertThat(process.waitFor(150, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
        assertThat(children).as("processes left behind").noneMatch(ProcessHandle::isAlive);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
