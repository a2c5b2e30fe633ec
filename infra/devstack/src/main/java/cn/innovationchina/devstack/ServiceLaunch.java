package cn.innovationchina.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.devstack.ports.Ports;

/**
 * Starts every built service of {@code services/}, each instance in its own JVM from its jar, on its port from
 * {@link Ports}, pointed at this stack's Kafka, MongoDB and issuer, and the gateway told where each service listens.
 * The issuer is the development one (every service trusts the stack's signing key, the gateway in its dev profile
 * signs with it) or, with {@code --keycloak}, Keycloak's realm: then each is given that one setting, the OpenID
 * issuer URI, from which Spring finds the keys and the platform takes the issuer every token must name (ADR 0049),
 * and the gateway runs without its dev profile, so there is no development login. Then waits until each one's
 * health check says UP.
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

    void start(Path publicKey, Path privateKey, @Nullable String oidcIssuer) throws IOException, InterruptedException {
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
        Map<String, ClassData> classData = prepareClassData(services.keySet());
        for (var instance : instancePorts.entrySet()) {
            String service = instance.getKey().replaceFirst("-\\d+$", "");
            List<String> command = processes.java(384);
            command.addAll(classData.get(service).launch(instance.getKey()));
            command.addAll(arguments(service, instance.getValue(), services, publicKey, privateKey, oidcIssuer));
            processes.start(instance.getKey(), command, "http://localhost:" + instance.getValue(),
                    instance.getValue());
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

    /** A service's own arguments: its port, this stack's Kafka, MongoDB and issuer, and for the gateway, the routes. */
    private List<String> arguments(String service, int port, Map<String, Integer> services, Path publicKey,
            Path privateKey, @Nullable String oidcIssuer) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--spring.kafka.bootstrap-servers=localhost:" + options.kafkaPort(),
                "--spring.cloud.stream.kafka.binder.brokers=localhost:" + options.kafkaPort(),
                "--spring.mongodb.uri=mongodb://localhost:" + options.mongoPort() + "/" + service));
        arguments.add(oidcIssuer == null
                ? "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey
                : "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + oidcIssuer);
        if (service.equals(GATEWAY) && oidcIssuer == null) {
            // Its development login signs with the key every service here trusts (ADR 0023).
            arguments.addAll(List.of("--spring.profiles.active=dev", "--gateway.dev-issuer.signing-key=" + privateKey));
        }
        if (service.equals(GATEWAY)) {
            // Where each service listens here, in the names its configuration reads (DEMAND_SERVICE_URL, ...).
            services.forEach((name, servicePort) -> arguments.add("--" + name.toUpperCase().replace('-', '_')
                    + "_URL=http://localhost:" + servicePort));
        }
        return arguments;
    }

    /** Each service's extracted jar and class archive (ADR 0060), extracted first where the build is new, at once. */
    private Map<String, ClassData> prepareClassData(Collection<String> services)
            throws IOException, InterruptedException {
        Map<String, ClassData> classData = new LinkedHashMap<>();
        List<Thread> extracting = new ArrayList<>();
        for (String service : services) {
            var data = new ClassData(serviceJar(service));
            classData.put(service, data);
            var thread = new Thread(() -> {
                try {
                    data.prepare();
                } catch (IOException e) {
                    DevStack.log(service + " starts from its jar, not extracted: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "class-data-" + service);
            thread.start();
            extracting.add(thread);
        }
        for (Thread thread : extracting) {
            thread.join();
        }
        return classData;
    }

    /** Another stack on the same ports would answer this one's health checks: refuse to start instead. */
    static void ensurePortFree(String service, int port) {
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
