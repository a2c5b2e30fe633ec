package cn.innovationchina.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.innovationchina.devstack.Processes.Running;
import cn.innovationchina.devstack.demo.DemoWorld;
import cn.innovationchina.devstack.ports.FreePorts;
import cn.innovationchina.devstack.ports.Ports;
import cn.innovationchina.platform.security.PlatformClaims;

/**
 * The local platform without Docker: a real Kafka broker (KRaft), the Mongo wire server (H2 file) and every built
 * service, each its own process with its own port and log file; with {@code --keycloak}, Keycloak as the issuer of
 * the tokens ({@link KeycloakServer}). Prints the URL table, the seconds until every
 * health check was UP and the resident memory of the whole stack; Ctrl-C stops every process it started. Unless
 * started {@code --empty} (or {@code --infra-only}) it then loads the demo world ({@link DemoWorld}) through the
 * services' APIs.
 *
 * <p>Usage: see {@link CommandLine}; the port base moves every service's port ({@link Ports}), so a second stack (the
 * end-to-end tests, the demo test) can run beside a developer's. {@code --instances matching-service=2} starts a
 * second matching-service, {@value Ports#INSTANCE_PORT_STEP} ports above the first, in the same consumer groups.
 *
 * <p>The load and fault harnesses use it as a library ({@link #up(Options)}): they kill, pause and restart its
 * processes by name.
 */
public final class DevStack {

    /** The in-memory stand-in's heap, in MB: the harnesses' data lives in it (ADR 0057). */
    static final int IN_MEMORY_MONGO_HEAP = 2048;

    /**
     * What to start: where the repository and the data folder are, the infrastructure's ports, the port base, how
     * many instances of a service to run where more than one ({@code matching-service=2}), and whether Keycloak
     * issues the tokens instead of the development issuer ({@link KeycloakServer}); an in-memory Mongo stand-in's
     * heap is {@code inMemoryMongoHeap} MB (its data lives there); and which JIT compilers its JVMs run.
     */
    public record Options(Path root, Path data, int kafkaPort, int mongoPort, boolean infraOnly, int portBase,
            Map<String, Integer> instances, boolean mongoInMemory, boolean keycloak,
            int inMemoryMongoHeap, Compilers compilers) {

        public Options {
            instances = Map.copyOf(instances);
        }

        /**
         * The stand-in's collector: in memory its heap is the platform's data, and a serial collection of a filled
         * platform stopped every store command for 4.4 s, so there G1 bounds its pauses (ADR 0091).
         */
        Processes.Collector standInCollector() {
            return mongoInMemory ? Processes.Collector.G1 : Processes.Collector.SERIAL;
        }

        /** These options, the in-memory stand-in given {@code megabytes} of heap: room for a filled platform. */
        public Options withInMemoryMongoHeap(int megabytes) {
            return new Options(root, data, kafkaPort, mongoPort, infraOnly, portBase, instances, mongoInMemory,
                    keycloak, megabytes, compilers);
        }

        /**
         * A harness's own stack: its data folder emptied first, Kafka (and its controller, on the next port) and
         * MongoDB on free ports, so nothing of an earlier run or of a developer's stack is in the way; both JIT
         * compilers, as the platform runs in production, so a harness measures warm code.
         */
        public static Options scratch(Path root, Path data, int portBase, Map<String, Integer> instances,
                boolean mongoInMemory) throws IOException {
            Folders.delete(data);
            int kafka = FreePorts.run(3);
            return new Options(root, data, kafka, kafka + 2, false, portBase, instances, mongoInMemory, false,
                    IN_MEMORY_MONGO_HEAP, Compilers.TIERED);
        }

        /**
         * The developer's stack: the repository's data folder, the standard ports, one instance each, the quick
         * compiler only (it is UP in half the time, ADR 0089).
         */
        public static Options standard(Path root) {
            return new Options(root, root.resolve("infra/devstack/.data"), 9092, 27017, false,
                    Ports.DEFAULT_PORT_BASE, Map.of(), false, false, IN_MEMORY_MONGO_HEAP, Compilers.QUICK);
        }
    }

    /**
     * The JIT compilers a stack's JVMs run. {@link #QUICK}: C1 alone, for a stack that must be UP soon and then
     * answers a person's clicks; {@link #TIERED}: C1, then C2 for hot code, which costs the first minutes CPU and
     * makes warm code a fifth to two fifths cheaper (ADR 0076), for a stack that is measured under load.
     */
    public enum Compilers {
        QUICK(List.of("-XX:TieredStopAtLevel=1")), TIERED(List.of());

        private final List<String> options;

        Compilers(List<String> options) {
            this.options = options;
        }

        List<String> options() {
            return options;
        }
    }

    private final Options options;
    private final String classpath = System.getProperty("devstack.classpath", System.getProperty("java.class.path"));
    private final Processes processes;
    private final Readiness readiness;
    private boolean stopped;

    private DevStack(Options options) {
        this.options = options;
        this.processes = new Processes(options.root(), options.data(), options.compilers());
        this.readiness = new Readiness(processes);
    }

    public static void main(String[] args) throws Exception {
        var command = CommandLine.parse(args);
        var stack = new DevStack(command.options());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
        if (command.stopWithParent()) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(1)));
        }
        stack.start();
        if (command.demo() != null) {
            stack.loadDemoWorld(command.demo());
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
        Files.createDirectories(options.data().resolve("logs"));
        Path publicKey = SigningKey.ensure(options.data());
        // Keycloak starts first: it takes longest, and the services need it only for their first token.
        KeycloakServer keycloak = options.keycloak() ? KeycloakServer.start(processes, options.root(),
                Ports.keycloak(options.portBase()), gateway()) : null;
        KafkaBroker.start(processes, options.data(), options.kafkaPort(), classpath);
        // In memory, the stand-in's heap is the platform's data: at 256 MB a 10,000-provider load spent its time in
        // full collections (ADR 0057). The H2 store keeps its data on disk.
        processes.start("mongo", processes.java(options.mongoInMemory() ? options.inMemoryMongoHeap() : 256,
                options.standInCollector(), "-cp", classpath,
                MongoWireServer.class.getName(), String.valueOf(options.mongoPort()),
                options.mongoInMemory() ? MongoWireServer.IN_MEMORY
                        : options.data().resolve("mongo/devstack.mv").toString()),
                mongoUri(), 0);
        readiness.awaitPort("mongo", options.mongoPort());
        readiness.awaitKafka(options.kafkaPort());
        log("Kafka and the Mongo wire server are ready after %.1f s", seconds(start));
        if (!options.infraOnly()) {
            new ServiceLaunch(options, processes, readiness).start(publicKey, signingKey(),
                    keycloak == null ? null : keycloak.issuer());
        }
        Map<String, List<String>> notes = new LinkedHashMap<>();
        if (keycloak != null) {
            readiness.awaitKeycloak(keycloak.issuer());
            log("Keycloak is ready %.1f s after it started", keycloak.secondsSinceStart());
            notes.put(ServiceLaunch.GATEWAY, List.of(gateway() + "/  (sign in through Keycloak)"));
            notes.put(KeycloakServer.NAME, keycloak.notes());
        } else {
            notes.put(ServiceLaunch.GATEWAY, List.of(gateway() + "/dev/login"));
        }
        System.out.println(processes.table(notes));
        log("All UP after %.1f s; the stack's resident memory is %d MB", seconds(start),
                processes.residentMegabytes());
    }

    // --- what the harnesses use -------------------------------------------------------------------------------

    /** The names of the running processes: kafka, mongo, gateway, demand-service, matching-service-2 ... */
    public List<String> names() {
        return processes.names();
    }

    public long pid(String name) {
        return processes.running(name).process().pid();
    }

    public String kafkaBootstrap() {
        return "localhost:" + options.kafkaPort();
    }

    public String mongoUri() {
        return "mongodb://localhost:" + options.mongoPort();
    }

    public String gateway() {
        return "http://localhost:" + options.portBase();
    }

    /** The issuer every token must name: Keycloak's realm with {@code --keycloak}, else the development issuer. */
    public String issuer() {
        return options.keycloak() ? KeycloakServer.issuer(Ports.keycloak(options.portBase()))
                : PlatformClaims.DEVELOPMENT_ISSUER;
    }

    /** Where a service (or a further instance of it) answers HTTP. */
    public String url(String name) {
        return processes.running(name).url();
    }

    public Path signingKey() {
        return SigningKey.privateKey(options.data());
    }

    public Path data() {
        return options.data();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    public void kill(String name) throws InterruptedException {
        processes.kill(name);
    }

    /** SIGSTOP: the process keeps its sockets but answers nothing, as a long pause of the JVM would. */
    public void pause(String name) throws IOException, InterruptedException {
        processes.signal(name, "STOP");
    }

    public void resume(String name) throws IOException, InterruptedException {
        processes.signal(name, "CONT");
    }

    /** Stops processes politely (each leaves its consumer groups and flushes its outbox), as a rolling update does. */
    public void stopGracefully(String... names) {
        Processes.stopTogether(Stream.of(names).map(processes::running).toList());
    }

    /**
     * Starts stopped (or killed) processes again with their commands, all at once, and waits until each is up.
     * Whatever of them still runs is stopped first.
     */
    public void restart(String... names) throws Exception {
        List<Running> old = Stream.of(names).map(processes::running).toList();
        Processes.stopTogether(old.stream().filter(p -> p.process().isAlive()).toList());
        for (Running running : old) {
            processes.startAgain(running);
        }
        for (Running running : old) {
            if (running.name().equals("kafka")) {
                readiness.awaitKafka(options.kafkaPort());
            } else if (running.name().equals(KeycloakServer.NAME)) {
                readiness.awaitKeycloak(KeycloakServer.issuer(Ports.keycloak(options.portBase())));
            } else if (running.healthPort() > 0) {
                readiness.awaitHealthy(running.name(), running.healthPort());
            } else {
                readiness.awaitPort(running.name(), options.mongoPort());
            }
        }
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
        List<Running> all = processes.all();
        Processes.stopTogether(all.stream().filter(p -> !p.isInfrastructure()).toList());
        Processes.stopTogether(all.stream().filter(Running::isInfrastructure).toList());
        log("Stopped %d processes.", all.size());
    }

    /** A failed load leaves the stack running, so what went wrong can be looked at in the services' logs. */
    private void loadDemoWorld(DemoWorld.Options demo) {
        try {
            new DemoWorld(demo).load();
        } catch (RuntimeException e) {
            log("Loading the demo world failed: %s (the services' logs are in %s)", e.getMessage(),
                    options.data().resolve("logs"));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.println("[devstack] " + format.formatted(args));
    }
}
