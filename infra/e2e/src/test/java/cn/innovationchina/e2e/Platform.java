package cn.innovationchina.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DevTokens;
import cn.innovationchina.devstack.ports.FreePorts;
import cn.innovationchina.devstack.ports.Ports;

/**
 * The whole platform, started once for all end-to-end tests the way {@code devstack up} starts it: a real Kafka
 * broker, the Mongo wire server and every built service with the gateway, in their own processes, with a fresh data
 * folder, free infrastructure ports and every HTTP port moved to {@link #PORT_BASE} so a developer's devstack can keep
 * running beside it. Its issuer is the development one ({@link #get()}) or Keycloak ({@link #withKeycloak()}); one of
 * the two runs at a time, so asking for the other stops the first. Stopped when the test JVM ends, and by itself
 * when the test JVM dies ({@code --stop-with-parent}).
 */
final class Platform {

    /** The gateway's port; every service's moves with it (8081 -> 9081 ...), Keycloak's too (9180). */
    static final int PORT_BASE = 9080;
    private static final Duration START_LIMIT = Duration.ofMinutes(8);
    private static Platform started;
    private static boolean hooked;

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Path data;
    private final boolean keycloak;

    private Platform(Process process, Path data, boolean keycloak) {
        this.process = process;
        this.data = data;
        this.keycloak = keycloak;
    }

    /** The platform with the development issuer and its login. */
    static Platform get() {
        return running(false);
    }

    /** The platform with Keycloak as its issuer, no development login ({@code devstack up --keycloak}). */
    static Platform withKeycloak() {
        return running(true);
    }

    private static synchronized Platform running(boolean keycloak) {
        if (started != null && started.keycloak != keycloak) {
            started.stop();
            started = null;
        }
        if (started == null) {
            started = start(keycloak);
        }
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Platform::stopRunning, "platform-stop"));
        }
        return started;
    }

    private static synchronized void stopRunning() {
        if (started != null) {
            started.stop();
        }
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

    /** Keycloak's address on this platform (with {@link #withKeycloak()}). */
    String keycloak() {
        return "http://localhost:" + Ports.keycloak(PORT_BASE);
    }

    /** Where a service answers itself, behind the gateway's back (it listens on the loopback address). */
    String service(String name) {
        return "http://localhost:" + Ports.of(name, PORT_BASE);
    }

    /** The devstack's own output so far: its URL table, how long each part took. */
    String output() {
        return output.toString();
    }

    private static Platform start(boolean keycloak) {
        try {
            Path root = Path.of("../..").toAbsolutePath().normalize();
            Path data = Files.createTempDirectory("e2e-platform");
            int kafkaPort = FreePorts.run(3);
            int mongoPort = kafkaPort + 2;
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp",
                    System.getProperty("java.class.path"), DevStack.class.getName(), root.toString(),
                    "--data", data.toString(), "--kafka-port", String.valueOf(kafkaPort),
                    "--mongo-port", String.valueOf(mongoPort), "--port-base", String.valueOf(PORT_BASE),
                    // The journeys start from nothing: they register the expert and the enterprise themselves.
                    "--empty", "--stop-with-parent"));
            if (keycloak) {
                command.add("--keycloak");
            }
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var platform = new Platform(process, data, keycloak);
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

    /**
     * Asks the devstack to stop its processes (services, then Kafka, MongoDB and Keycloak, each within 20 s); what
     * is still alive a minute later, the devstack or any process it started, is killed.
     */
    private void stop() {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
            started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
