package cn.innovationchina.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.innovationchina.devstack.ports.Ports;

/**
 * Starts every built service of {@code services/}, each instance in its own JVM from its jar, on its port from
 * {@link Ports}, pointed at this stack's Kafka, MongoDB and signing key; the gateway in its dev profile, told where
 * each service listens. Then waits until each one's health check says UP.
 */
final class ServiceLaunch {

    static final String GATEWAY = "gateway";

    private final DevStack.Options options;
    private final Processes processes;
    private final Readiness readiness;

    ServiceLaunch(DevStack.Options options, Processes processes, Readiness readiness) {
        this.options = options;
        this.processes = processes;
        this.readiness = readiness;
    }

    void start(Path publicKey, Path privateKey) throws IOException, InterruptedException {
        Map<String, Integer> services = servicePorts();
        options.instances().keySet().stream().filter(name -> !services.containsKey(name)).findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("--instances names " + name + ", which is not a service here");
                });
        Map<String, Integer> instancePorts = new LinkedHashMap<>();
        services.forEach((name, port) -> {
            for (int n = 1; n <= options.instances().getOrDefault(name, 1); n++) {
                instancePorts.put(n == 1 ? name : name + "-" + n, Ports.ofInstance(port, n));
            }
        });
        instancePorts.forEach(ServiceLaunch::ensurePortFree);
        for (var instance : instancePorts.entrySet()) {
            String service = instance.getKey().replaceFirst("-\\d+$", "");
            int port = instance.getValue();
            List<String> command = command(service, port, publicKey);
            if (service.equals(GATEWAY)) {
                // Its development login signs with the key every service here trusts (ADR 0023).
                command.addAll(List.of("--spring.profiles.active=dev",
                        "--gateway.dev-issuer.signing-key=" + privateKey));
                // Where each service listens here, in the names its configuration reads (DEMAND_SERVICE_URL, ...).
                services.forEach((name, servicePort) -> command.add("--" + name.toUpperCase().replace('-', '_')
                        + "_URL=http://localhost:" + servicePort));
            }
            processes.start(instance.getKey(), command, "http://localhost:" + port, port);
        }
        for (var instance : instancePorts.entrySet()) {
            readiness.awaitHealthy(instance.getKey(), instance.getValue());
        }
    }

    /** Each service folder with a pom, in name order, with the port of its first instance. */
    private Map<String, Integer> servicePorts() throws IOException {
        Map<String, Integer> services = new LinkedHashMap<>();
        int nextPort = options.portBase() + Ports.FIRST_UNLISTED_OFFSET;
        try (Stream<Path> dirs = Files.list(options.root().resolve("services"))) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.exists(dir.resolve("pom.xml"))) {
                    String name = dir.getFileName().toString();
                    services.put(name, Ports.listed(name) ? Ports.of(name, options.portBase()) : nextPort++);
                }
            }
        } catch (NoSuchFileException e) {
            DevStack.log("No services/ folder yet: only the infrastructure runs.");
        }
        return services;
    }

    private List<String> command(String service, int port, Path publicKey) throws IOException {
        // The quick compiler alone starts a service sooner; a load measures steady state with both compilers.
        return Processes.java(384, options.fullCompiler() ? "-XX:+TieredCompilation" : "-XX:TieredStopAtLevel=1",
                "-jar", serviceJar(service).toString(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=localhost:" + options.kafkaPort(),
                "--spring.cloud.stream.kafka.binder.brokers=localhost:" + options.kafkaPort(),
                "--spring.mongodb.uri=mongodb://localhost:" + options.mongoPort() + "/" + service,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
    }

    /** Another stack on the same ports would answer this one's health checks: refuse to start instead. */
    private static void ensurePortFree(String service, int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + service + " is taken (another devstack?); "
                    + "stop it, or move this stack with --port-base N");
        }
    }

    private Path serviceJar(String service) throws IOException {
        try (Stream<Path> jars = Files.list(options.root().resolve("services").resolve(service).resolve("target"))) {
            return jars.filter(p -> p.toString().endsWith(".jar") && !p.toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(service + " is not built"));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(service + " is not built: run ./mvnw -DskipTests install", e);
        }
    }
}
