package cn.innovationchina.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

import cn.innovationchina.devstack.demo.DemoWorld;

/**
 * The local platform without Docker: a real Kafka broker (KRaft), the Mongo wire server (H2 file) and every built
 * service, each its own process with its own port and log file. Prints the URL table, the seconds until every
 * health check was UP and the resident memory of the whole stack; Ctrl-C stops every process it started. With
 * {@code --demo} it then loads the demo world ({@link DemoWorld}) through the services' APIs.
 *
 * <p>Usage: {@code DevStack REPO_ROOT [--infra-only] [--data DIR] [--kafka-port N] [--mongo-port N] [--port-base N]
 * [--instances SERVICE=N,...] [--demo [--providers N] [--demands N]]}; the port base moves every service's port, so a
 * second stack (the end-to-end tests, the demo test) can run beside a developer's. {@code --instances
 * matching-service=2} starts a second matching-service, 100 ports above the first, in the same consumer groups.
 *
 * <p>The load and fault harnesses use it as a library ({@link #up(Options)}): they kill, pause and restart its
 * processes by name.
 */
public final class DevStack {

    /**
     * Fixed ports, so URLs in the README stay true; a service not listed here gets the next free one from 8090. With
     * {@code --port-base N} every port moves by N - 8080 (a second stack on one machine, or a test).
     */
    public static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "gateway", 8080, "demand-service", 8081, "expert-service", 8082, "matching-service", 8083,
            "notification-service", 8084, "monitoring-service", 8085);

    /** The gateway's port, from which the others count. */
    public static final int DEFAULT_PORT_BASE = 8080;

    private static final int HEALTH_PATIENCE_SECONDS = 300;
    private static final int KAFKA_PATIENCE_SECONDS = 180;

    private static final String GATEWAY = "gateway";
    private static final String PRIVATE_KEY = "dev-signing.pem";

    /**
     * What to start: where the repository and the data folder are, the infrastructure's ports, the port base, and
     * how many instances of a service to run where more than one ({@code matching-service=2}).
     */
    public record Options(Path root, Path data, int kafkaPort, int mongoPort, boolean infraOnly, int portBase,
            Map<String, Integer> instances, boolean fullCompiler, boolean mongoInMemory) {

        public Options {
            instances = Map.copyOf(instances);
        }

        /**
         * A harness's own stack: its data folder emptied first, Kafka and MongoDB on free ports, so nothing of an
         * earlier run or of a developer's stack is in the way.
         */
        public static Options scratch(Path root, Path data, int portBase, Map<String, Integer> instances,
                boolean fullCompiler, boolean mongoInMemory) throws IOException {
            if (Files.exists(data)) {
                try (Stream<Path> paths = Files.walk(data)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return new Options(root, data, freePort(), freePort(), false, portBase, instances, fullCompiler,
                    mongoInMemory);
        }

        private static int freePort() throws IOException {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        /** The developer's stack: the repository's data folder, the standard ports, one instance each. */
        public static Options standard(Path root) {
            return new Options(root, root.resolve("infra/devstack/.data"), 9092, 27017, false, DEFAULT_PORT_BASE,
                    Map.of(), false, false);
        }
    }

    /** A further instance of a service listens this many ports above the first. */
    public static final int INSTANCE_PORT_STEP = 100;

    private final Path root;
    private final Path data;
    private final int kafkaPort;
    private final int mongoPort;
    private final boolean infraOnly;
    private final int portBase;
    private final Map<String, Integer> instances;
    private final boolean fullCompiler;
    private final boolean mongoInMemory;
    private final String classpath = System.getProperty("devstack.classpath", System.getProperty("java.class.path"));
    private final List<Running> processes = new CopyOnWriteArrayList<>();
    private boolean stopped;

    /** A started process, with the command that starts it again and the port its health check answers on (0: none). */
    private record Running(String name, Process process, String url, List<String> command, int healthPort) {
    }

    private DevStack(Options options) {
        this.root = options.root();
        this.data = options.data();
        this.kafkaPort = options.kafkaPort();
        this.mongoPort = options.mongoPort();
        this.infraOnly = options.infraOnly();
        this.portBase = options.portBase();
        this.instances = options.instances();
        this.fullCompiler = options.fullCompiler();
        this.mongoInMemory = options.mongoInMemory();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        var standard = Options.standard(root);
        Path data = standard.data();
        int kafkaPort = standard.kafkaPort();
        int mongoPort = standard.mongoPort();
        boolean infraOnly = false;
        int portBase = DEFAULT_PORT_BASE;
        Map<String, Integer> instances = Map.of();
        boolean demo = false;
        int providers = DemoWorld.WORLD_PROVIDERS;
        int demands = Integer.MAX_VALUE;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--infra-only" -> infraOnly = true;
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--mongo-port" -> mongoPort = Integer.parseInt(args[++i]);
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                case "--instances" -> instances = instanceCounts(args[++i]);
                case "--demo" -> demo = true;
                case "--providers" -> providers = Integer.parseInt(args[++i]);
                case "--demands" -> demands = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (demo && infraOnly) {
            throw new IllegalArgumentException("--demo needs the services: it cannot go with --infra-only");
        }
        var stack = new DevStack(new Options(root, data, kafkaPort, mongoPort, infraOnly, portBase, instances, false,
                false));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
        stack.start();
        if (demo) {
            stack.loadDemoWorld(new DemoWorld.Options(null, portBase, data.resolve("keys/dev-signing.pem"),
                    providers, demands));
        }
        log("Press Ctrl-C to stop everything.");
        Thread.currentThread().join();
    }

    /** Starts the stack and answers it once every process is up; the caller stops it with {@link #stop()}. */
    public static DevStack up(Options options) throws Exception {
        var stack = new DevStack(options);
        try {
            stack.start();
        } catch (Exception | Error e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    /** {@code matching-service=2,notification-service=2}: each at least one. */
    public static Map<String, Integer> instanceCounts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=");
            int count = parts.length == 2 && parts[1].matches("\\d{1,2}") ? Integer.parseInt(parts[1]) : 0;
            if (count < 1) {
                throw new IllegalArgumentException("--instances takes SERVICE=N,... with N >= 1, not " + pair);
            }
            counts.put(parts[0], count);
        }
        return counts;
    }

    private void start() throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(data.resolve("logs"));
        Path publicKey = ensureSigningKey();
        startKafka();
        start("mongo", java(256, "-cp", classpath, MongoWireServer.class.getName(),
                String.valueOf(mongoPort), mongoInMemory ? MongoWireServer.IN_MEMORY
                        : data.resolve("mongo/devstack.mv").toString()),
                "mongodb://localhost:" + mongoPort, 0);
        awaitPort("mongo", mongoPort);
        awaitKafka();
        log("Kafka and the Mongo wire server are ready after %.1f s", seconds(start));
        if (!infraOnly) {
            startServices(publicKey);
        }
        printTable();
        log("All UP after %.1f s; the stack's resident memory is %d MB", seconds(start), residentMegabytes());
    }

    // --- what the harnesses use -------------------------------------------------------------------------------

    /** The names of the running processes: kafka, mongo, gateway, demand-service, matching-service-2 ... */
    public List<String> names() {
        return processes.stream().map(Running::name).toList();
    }

    public long pid(String name) {
        return running(name).process().pid();
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    public String gateway() {
        return "http://localhost:" + portBase;
    }

    /** Where a service (or a further instance of it) answers HTTP. */
    public String url(String name) {
        return running(name).url();
    }

    public Path signingKey() {
        return data.resolve("keys").resolve(PRIVATE_KEY);
    }

    public Path data() {
        return data;
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    public void kill(String name) throws InterruptedException {
        Process process = running(name).process();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process keeps its sockets but answers nothing, as a long pause of the JVM would. */
    public void pause(String name) throws IOException, InterruptedException {
        signal(name, "STOP");
    }

    public void resume(String name) throws IOException, InterruptedException {
        signal(name, "CONT");
    }

    /** Stops processes politely (each leaves its consumer groups and flushes its outbox), as a rolling update does. */
    public void stopGracefully(String... names) {
        stopTogether(Stream.of(names).map(this::running).toList());
    }

    /**
     * Starts stopped (or killed) processes again with their commands, all at once, and waits until each is up.
     * Whatever of them still runs is stopped first.
     */
    public void restart(String... names) throws Exception {
        List<Running> old = Stream.of(names).map(this::running).toList();
        stopTogether(old.stream().filter(p -> p.process().isAlive()).toList());
        for (Running running : old) {
            processes.remove(running);
            start(running.name(), running.command(), running.url(), running.healthPort());
        }
        for (Running running : old) {
            if (running.name().equals("kafka")) {
                awaitKafka();
            } else if (running.healthPort() > 0) {
                awaitHealthy(running.name(), running.healthPort());
            } else {
                awaitPort(running.name(), mongoPort);
            }
        }
    }

    private void signal(String name, String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid(name))).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + name + " failed with " + exit);
        }
    }

    private Running running(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No process " + name + " in " + names()));
    }

    /** A failed load leaves the stack running, so what went wrong can be looked at in the services' logs. */
    private void loadDemoWorld(DemoWorld.Options options) {
        try {
            new DemoWorld(options).load();
        } catch (RuntimeException e) {
            log("Loading the demo world failed: %s (the services' logs are in %s)", e.getMessage(),
                    data.resolve("logs"));
        }
    }

    private void startKafka() throws IOException, InterruptedException {
        Path dir = data.resolve("kafka");
        Path config = data.resolve("kafka-server.properties");
        var properties = new Properties();
        properties.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@localhost:" + (kafkaPort + 1),
                "listeners", "PLAINTEXT://localhost:" + kafkaPort + ",CONTROLLER://localhost:" + (kafkaPort + 1),
                "advertised.listeners", "PLAINTEXT://localhost:" + kafkaPort,
                "controller.listener.names", "CONTROLLER",
                "log.dirs", dir.toString(),
                "num.partitions", "3",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1"));
        properties.putAll(Map.of(
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true"));
        try (var out = Files.newBufferedWriter(config)) {
            properties.store(out, "written by the devstack");
        }
        if (!Files.exists(dir.resolve("meta.properties"))) {
            var format = new ProcessBuilder(java(256, "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", config.toString()))
                    .redirectErrorStream(true).redirectOutput(data.resolve("logs/kafka-format.log").toFile()).start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed: see " + data.resolve("logs"));
            }
        }
        start("kafka", java(512, "-cp", classpath, "kafka.Kafka", config.toString()), "localhost:" + kafkaPort, 0);
    }

    private void awaitKafka() throws InterruptedException {
        // A broker restarted after kill -9 recovers its logs first; on a loaded machine that took more than 60 s.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KAFKA_PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                ensureAlive("kafka");
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("Kafka did not start within " + KAFKA_PATIENCE_SECONDS + " s: see "
                + data.resolve("logs/kafka.log"));
    }

    private void startServices(Path publicKey) throws IOException, InterruptedException {
        Map<String, Integer> services = new LinkedHashMap<>();
        int nextPort = portBase + 10;
        try (Stream<Path> dirs = Files.list(root.resolve("services"))) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.exists(dir.resolve("pom.xml"))) {
                    String name = dir.getFileName().toString();
                    services.put(name, SERVICE_PORTS.containsKey(name) ? SERVICE_PORTS.get(name) - DEFAULT_PORT_BASE
                            + portBase : nextPort++);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            log("No services/ folder yet: only the infrastructure runs.");
        }
        instances.keySet().stream().filter(name -> !services.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("--instances names " + name + ", which is not a service here");
        });
        Map<String, Integer> instancePorts = new LinkedHashMap<>();
        services.forEach((name, port) -> {
            for (int n = 1; n <= instances.getOrDefault(name, 1); n++) {
                instancePorts.put(n == 1 ? name : name + "-" + n, port + (n - 1) * INSTANCE_PORT_STEP);
            }
        });
        instancePorts.forEach(DevStack::ensurePortFree);
        for (var instance : instancePorts.entrySet()) {
            String service = instance.getKey().replaceFirst("-\\d+$", "");
            Path jar = serviceJar(service);
            int port = instance.getValue();
            // The quick compiler alone starts a service sooner; a load measures steady state with both compilers.
            List<String> command = java(384, fullCompiler ? "-XX:+TieredCompilation" : "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString(),
                    "--server.port=" + port,
                    "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
                    "--spring.cloud.stream.kafka.binder.brokers=localhost:" + kafkaPort,
                    "--spring.mongodb.uri=mongodb://localhost:" + mongoPort + "/" + service,
                    "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
            if (service.equals(GATEWAY)) {
                // Its development login signs with the key every service here trusts (ADR 0023).
                command.addAll(List.of("--spring.profiles.active=dev",
                        "--gateway.dev-issuer.signing-key=" + publicKey.resolveSibling(PRIVATE_KEY)));
                // Where each service listens here, in the names its configuration reads (DEMAND_SERVICE_URL, ...).
                services.forEach((name, servicePort) -> command.add("--" + name.toUpperCase().replace('-', '_')
                        + "_URL=http://localhost:" + servicePort));
            }
            start(instance.getKey(), command, "http://localhost:" + port, port);
        }
        for (var instance : instancePorts.entrySet()) {
            awaitHealthy(instance.getKey(), instance.getValue());
        }
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
        try (Stream<Path> jars = Files.list(root.resolve("services").resolve(service).resolve("target"))) {
            return jars.filter(p -> p.toString().endsWith(".jar") && !p.toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(service + " is not built"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException(service + " is not built: run ./mvnw -DskipTests install", e);
        }
    }

    private void awaitHealthy(String name, int port) throws InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        // Five Spring Boot services starting together on two busy cores took 140 s here: give them 300 s.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEALTH_PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                ensureAlive(name);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not UP within " + HEALTH_PATIENCE_SECONDS + " s: see " + logFile(name));
    }

    private void awaitPort(String name, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException e) {
                ensureAlive(name);
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not listen on " + port + ": see " + logFile(name));
    }

    private void start(String name, List<String> command, String url, int healthPort) throws IOException {
        var process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(name).toFile())).start();
        processes.add(new Running(name, process, url, command, healthPort));
    }

    private void ensureAlive(String name) {
        processes.stream().filter(p -> p.name().equals(name) && !p.process().isAlive()).findFirst()
                .ifPresent(p -> {
                    throw new IllegalStateException(name + " exited with " + p.process().exitValue() + ": see "
                            + logFile(name));
                });
    }

    /**
     * Stops the services together, politely first (each flushes its outbox while Kafka and MongoDB still run), then
     * Kafka and MongoDB together (neither needs the other to stop); whatever does not stop within 20 s is killed.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopTogether(processes.stream().filter(p -> !isInfrastructure(p)).toList());
        stopTogether(processes.stream().filter(DevStack::isInfrastructure).toList());
        log("Stopped %d processes.", processes.size());
    }

    private static boolean isInfrastructure(Running running) {
        return running.name().equals("kafka") || running.name().equals("mongo");
    }

    private static void stopTogether(List<Running> group) {
        for (Running running : group) {
            running.process().descendants().forEach(ProcessHandle::destroy);
            running.process().destroy();
        }
        for (Running running : group) {
            try {
                if (!running.process().waitFor(20, TimeUnit.SECONDS)) {
                    running.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                running.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void printTable() {
        var table = new StringBuilder("\n  %-22s %-8s %-34s %s%n".formatted("PROCESS", "PID", "URL", "LOG"));
        for (Running running : processes) {
            table.append("  %-22s %-8d %-34s %s%n".formatted(running.name(), running.process().pid(), running.url(),
                    root.relativize(logFile(running.name()))));
            if (running.name().equals(GATEWAY)) {
                table.append("  %-22s %-8s %-34s%n".formatted("", "", running.url() + "/dev/login"));
            } else if (running.url().startsWith("http")) {
                table.append("  %-22s %-8s %-34s%n".formatted("", "", running.url() + "/swagger-ui.html"));
            }
        }
        System.out.println(table);
    }

    private long residentMegabytes() {
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

    /** The key pair the devstack signs development tokens with; services trust its public half. */
    private Path ensureSigningKey() throws NoSuchAlgorithmException, IOException {
        Path keys = data.resolve("keys");
        Path privateKey = keys.resolve(PRIVATE_KEY);
        Path publicKey = keys.resolve("dev-signing.pub.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            Files.createDirectories(keys);
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return publicKey;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private Path logFile(String name) {
        return data.resolve("logs").resolve(name + ".log");
    }

    /** A JVM command with a small heap and the serial collector: this stack shares two cores. */
    private static List<String> java(int heapMegabytes, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heapMegabytes + "m", "-XX:+UseSerialGC", "-Xss512k"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("[devstack] " + format.formatted(args));
    }
}
