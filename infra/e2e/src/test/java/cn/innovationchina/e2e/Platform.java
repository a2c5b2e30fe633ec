package cn.innovationchina.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DevTokens;

/**
 * The whole platform, started once for all end-to-end tests the way {@code devstack up} starts it: a real Kafka
 * broker, the Mongo wire server and every built service with the gateway, in their own processes, with a fresh data
 * folder, free infrastructure ports and every HTTP port moved to {@link #PORT_BASE} so a developer's devstack can keep
 * running beside it. Stopped when the test JVM ends.
 */
final class Platform {

    /** The gateway's port; every service's moves with it (8081 -> 9081 ...). */
    static final int PORT_BASE = 9080;
    private static final Duration START_LIMIT = Duration.ofMinutes(8);
    private static Platform started;

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Path data;

    private Platform(Process process, Path data) {
        this.process = process;
        this.data = data;
    }

    static synchronized Platform get() {
        if (started == null) {
            started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "platform-stop"));
        }
        return started;
    }

    /**
     * Tokens of any role, tenant and city, signed with the stack's development key, as `devstack token` makes them:
     * for a user the development login does not list, such as an enterprise of a city designated a minute ago.
     */
    DevTokens tokens() {
        return new DevTokens(data.resolve("keys/dev-signing.pem"));
    }

    /** The gateway, the one address users know. */
    String gateway() {
        return "http://localhost:" + PORT_BASE;
    }

    private static Platform start() {
        try {
            Path root = Path.of("../..").toAbsolutePath().normalize();
            Path data = Files.createTempDirectory("e2e-platform");
            var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp",
                    System.getProperty("java.class.path"), DevStack.class.getName(), root.toString(),
                    "--data", data.toString(), "--kafka-port", String.valueOf(freePort()),
                    "--mongo-port", String.valueOf(freePort()), "--port-base", String.valueOf(PORT_BASE),
                    // The journeys start from nothing: they register the expert and the enterprise themselves.
                    "--empty")
                    .redirectErrorStream(true).start();
            var platform = new Platform(process, data);
            platform.awaitUp();
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp() {
        var up = new CompletableFuture<Void>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains("All UP")) {
                        up.complete(null);
                    }
                }
                up.completeExceptionally(new IllegalStateException("The platform exited:\n" + output + logs()));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        }, "platform-output");
        reader.setDaemon(true);
        reader.start();
        try {
            up.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            stop();
            throw new IllegalStateException("The platform was not UP within " + START_LIMIT + ":\n" + output + logs());
        } catch (Exception e) {
            stop();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of each process's log, for a failure message. */
    String logs() {
        var text = new StringBuilder();
        try (var files = Files.list(data.resolve("logs"))) {
            for (Path log : files.sorted().toList()) {
                var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                text.append("\n--- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
        } catch (IOException e) {
            text.append("\n(no logs: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
