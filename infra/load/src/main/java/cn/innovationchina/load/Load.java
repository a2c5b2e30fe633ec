package cn.innovationchina.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DevTokens;
import cn.innovationchina.devstack.demo.LoadData;
import cn.innovationchina.devstack.demo.Platform;

/**
 * The platform under rising load, on this machine, from one command: starts its own devstack (fresh data, its own
 * ports), imports the providers, registers the enterprises and opens their live streams, measures Kafka's own limits
 * on the same broker, then publishes demands through the gateway at each rate of the ramp (open model) and prints a
 * table row per step and the knee. With a profile rate, that step also records where each service spends CPU.
 *
 * <p>Usage: {@code Load REPO_ROOT [--rates 25,50,100,200,400] [--step-seconds 120] [--providers 10000]
 * [--enterprises 100] [--instances matching-service=2,notification-service=2] [--profile-rate 200]
 * [--port-base 7080] [--no-baseline] [--mongo-h2] [--fill-demands 50000] [--import-again] [--import-alone]}; the
 * Mongo stand-in keeps its data in memory unless {@code --mongo-h2} asks for the devstack's H2 file store. With
 * {@code --fill-demands} the ramp is run twice more: again on the platform as the ramp left it, and after
 * {@link DataFill} filled it with that many published demands, their match lists and inbox entries; the report
 * compares those two, then times {@value #ARRIVING_PROVIDERS} more providers arriving on the filled platform
 * ({@link ProvidersArriving}). With {@code --import-again} as many other providers are imported right after the first
 * import, into the platform it warmed, and timed the same way (ADR 0093); the ramp then runs with twice the providers.
 * With {@code --import-alone} the services that consume {@code provider.events} are paused (SIGSTOP) from each
 * import's start until its last event is on Kafka, so that the import and the relay have the machine's cores to
 * themselves (ADR 0095).
 */
public final class Load {

    /** A filled platform's documents live in the in-memory stand-in's heap: 50,000 demands need several GB. */
    private static final int FILLED_MONGO_HEAP = 8192;
    /** New providers imported once the platform is filled: each is reverse-matched against its open demands. */
    private static final int ARRIVING_PROVIDERS = 500;
    /** Issue 16's filled platform: 50,000 demands and 500,000 inbox entries. */
    private static final int INBOX_ENTRIES_PER_DEMAND = 10;
    /**
     * How long after the step's last delivery the consumers have to read what is left: the unhurried ones wait up to
     * a second for the broker to gather records (ADR 0071). Lag still there after it is a step's miss; the CPU is
     * read after it, so a step pays for all the work its demands caused.
     */
    static final int LAG_GRACE_SECONDS = 5;

    /** The options of one run. */
    record Options(Path root, List<Integer> rates, int stepSeconds, int providers, int enterprises,
            Map<String, Integer> instances, int profileRate, int portBase, boolean baseline, boolean h2,
            int fillDemands, boolean importAgain, boolean importAlone) {

        static Options parse(String[] args) {
            Path root = Path.of(args[0]).toAbsolutePath().normalize();
            List<Integer> rates = List.of(25, 50, 100, 200, 400);
            int stepSeconds = 120;
            int providers = 10_000;
            int enterprises = 100;
            String instances = null;
            int profileRate = 200;
            int portBase = 7080;
            boolean baseline = true;
            boolean h2 = false;
            int fillDemands = 0;
            boolean importAgain = false;
            boolean importAlone = false;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--rates" -> rates = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                    case "--step-seconds" -> stepSeconds = Integer.parseInt(args[++i]);
                    case "--providers" -> providers = Integer.parseInt(args[++i]);
                    case "--enterprises" -> enterprises = Integer.parseInt(args[++i]);
                    case "--instances" -> instances = args[++i];
                    case "--profile-rate" -> profileRate = Integer.parseInt(args[++i]);
                    case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                    case "--no-baseline" -> baseline = false;
                    case "--mongo-h2" -> h2 = true;
                    case "--fill-demands" -> fillDemands = Integer.parseInt(args[++i]);
                    case "--import-again" -> importAgain = true;
                    case "--import-alone" -> importAlone = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--rates R,R.. "
                            + "--step-seconds N --providers N --enterprises N --instances SERVICE=N,.. "
                            + "--profile-rate R --port-base N --no-baseline --mongo-h2 "
                            + "--fill-demands N --import-again --import-alone)");
                }
            }
            return new Options(root, rates, stepSeconds, providers, enterprises,
                    instances == null ? Map.of() : DevStack.instanceCounts(instances), profileRate, portBase,
                    baseline, h2, fillDemands, importAgain, importAlone);
        }
    }

    private final Options options;
    private final List<String> report = new ArrayList<>();

    private Load(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new Load(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path target = options.root().resolve("infra/load/target");
        Path data = target.resolve("stack");
        log("Starting the platform for the load (data in %s, ports from %d) ...", options.root().relativize(data),
                options.portBase());
        var stackOptions = DevStack.Options.scratch(options.root(), data, options.portBase(), options.instances(),
                !options.h2());
        DevStack stack = DevStack.up(options.fillDemands() > 0 ? stackOptions.withInMemoryMongoHeap(FILLED_MONGO_HEAP)
                : stackOptions);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "load-stop"));
        var http = HarnessHttp.client();
        var observations = new Observations();
        try (var lag = new ConsumerLag(stack.kafkaBootstrap()); var streams = new InboxStreams(http, observations)) {
            var tokens = new DevTokens(stack.signingKey());
            var consumers = options.importAlone() ? consumersOf(stack) : ProviderImport.Consumers.UNTOUCHED;
            ProviderImport.run(http, stack.gateway(), tokens, 0, options.providers(), lag, pids(stack), consumers)
                    .forEach(this::print);
            if (options.importAgain()) {
                print("The same import again, of other providers, into the platform the first import warmed:");
                ProviderImport.run(http, stack.gateway(), tokens, options.providers(), options.providers(), lag,
                        pids(stack), consumers).forEach(this::print);
            }

            var loadData = new LoadData(options.enterprises());
            var platform = new Platform(stack.gateway(), options.portBase());
            Map<String, String> enterpriseTokens = Seeding.registerEnterprises(platform, tokens, loadData);
            enterpriseTokens.values().forEach(token -> streams.open(stack.gateway(), token));
            streams.awaitOpen(enterpriseTokens.size());
            log("%d enterprises registered, each with its live stream open through the gateway",
                    enterpriseTokens.size());

            try (var probe = new EventProbe(stack.kafkaBootstrap(), observations)) {
                var driver = new DemandDriver(http, stack.gateway(), loadData, enterpriseTokens);
                var warmUp = warmUp(driver, observations, lag, pids(stack));
                if (options.baseline()) {
                    KafkaBaseline.measure(stack.kafkaBootstrap(), 100_000, 1024).forEach(this::print);
                }
                ramp(stack, driver, observations, lag, target, "");
                if (options.fillDemands() > 0) {
                    // The first ramp still warms the processes up (the filled one ran 17% cheaper after it): the
                    // empty platform's figures to compare are a second ramp's.
                    var empty = ramp(stack, driver, observations, lag, target, " again, the platform not yet filled");
                    print("");
                    DataFill.run(stack.mongoUri(), warmUp, options.fillDemands(),
                            options.fillDemands() * INBOX_ENTRIES_PER_DEMAND).forEach(this::print);
                    var filled = ramp(stack, driver, observations, lag, target, " again, the platform filled");
                    print("");
                    StepResult.flatWithData(empty, filled).forEach(this::print);
                    print("");
                    ProvidersArriving.run(stack, http, tokens, lag, importedProviders(), ARRIVING_PROVIDERS,
                            () -> pids(stack)).forEach(this::print);
                }
            }
        } finally {
            Path file = target.resolve("load-report.txt");
            Files.write(file, report, StandardCharsets.UTF_8);
            log("The report is in %s; stopping the platform ...", options.root().relativize(file));
            stack.stop();
        }
    }

    /**
     * Demands not reported, so that the processes' code is compiled before anything is timed: 1,000 at 10 a second,
     * then 2,400 at 20 a second. The optimising compiler needs about that many before a demand's cost settles: after
     * 2,000 at 10 a second, the first steps at 24/s still paid 8.6 and 5.2 ms a demand to the JIT compilers, and
     * cost 14% more than the third (ADR 0078). Each part's cost and the compilers' share of it are logged. Its
     * demands are the templates a fill copies.
     */
    private Set<String> warmUp(DemandDriver driver, Observations observations, ConsumerLag lag,
            Map<String, Long> pids) throws Exception {
        Set<String> published = new HashSet<>();
        for (var step : List.of(new Step(10, 100), new Step(20, 120))) {
            var cpuBefore = CpuMeter.read(pids);
            driver.run(step);
            DemandDriver.awaitAnswers(step, Duration.ofSeconds(30));
            awaitDeliveries(step, observations, Duration.ofSeconds(60));
            lag.awaitZero(120);
            var cpuAfter = CpuMeter.read(pids);
            int answered = Math.max(1, step.responses.size());
            log("Warm-up at %d/s: %d demands published, %d failed; %.1f ms of CPU a demand, of which the JIT "
                    + "compilers %.1f", step.rate, step.responses.size(), step.failed(),
                    cpuAfter.totalSecondsSince(cpuBefore) * 1000 / answered,
                    cpuAfter.compilingSecondsSince(cpuBefore) * 1000 / answered);
            published.addAll(step.published());
        }
        return published;
    }

    private List<StepResult> ramp(DevStack stack, DemandDriver driver, Observations observations, ConsumerLag lag,
            Path target, String title) throws Exception {
        Map<String, Long> pids = pids(stack);
        var idleFrom = CpuMeter.read(pids);
        Thread.sleep(20_000);
        var idleTo = CpuMeter.read(pids);
        var idle = new StringBuilder("Idle for 20 s before the ramp: machine CPU %.0f%%; CPU %% of one core by process:"
                .formatted(idleTo.busyPercentSince(idleFrom)));
        idleTo.secondsSince(idleFrom).forEach((name, cpu) -> idle.append(" %s %.1f".formatted(name, cpu * 100 / 20)));
        print("");
        print(idle.toString());
        print("Open-model ramp%s through the gateway, %d s per step, %d providers, %d enterprises%s".formatted(
                title, options.stepSeconds(), options.providers(), options.enterprises(),
                options.instances().isEmpty() ? "" : ", instances " + options.instances()));
        print("Latencies from the answer to the submission: ->PROPOSED MatchesProposed on Kafka, ->INBOX the "
                + "enterprise's entry written, ->STREAM its live message here");
        print(StepReport.header());
        List<StepResult> results = new ArrayList<>();
        List<String> profile = new ArrayList<>();
        List<String> byThread = List.of();
        int missedInARow = 0;
        for (int rate : options.rates()) {
            var step = new Step(rate, options.stepSeconds());
            var cpuBefore = CpuMeter.read(pids);
            CpuProfile profiler = rate == options.profileRate() ? new CpuProfile(pids, target.resolve("jfr"))
                    : null;
            if (profiler != null) {
                profiler.start();
            }
            var lagMax = new AtomicLong();
            Thread sampler = sampleLag(lag, lagMax);
            driver.run(step);
            DemandDriver.awaitAnswers(step, Duration.ofSeconds(30));
            awaitDeliveries(step, observations, Duration.ofSeconds(60));
            lag.awaitZero(LAG_GRACE_SECONDS);
            sampler.interrupt();
            long lagEnd = safeTotal(lag);
            var cpuAfter = CpuMeter.read(pids);
            if (profiler != null) {
                profile.add("Where the CPU went at " + rate + "/s (JFR execution samples, share of each service's):");
                profile.addAll(profiler.stopAndSummarise());
            }
            var result = StepReport.of(step, observations, Math.max(lagMax.get(), lagEnd), lagEnd, cpuBefore,
                    cpuAfter);
            results.add(result);
            print(StepReport.row(result));
            print(StepReport.cpuPerDemand(result));
            StepReport.lateDeliveries(step, observations).ifPresent(this::print);
            if (result.misses().isEmpty()) {
                byThread = StepReport.cpuByThread(step, cpuBefore, cpuAfter);
            }
            missedInARow = result.misses().isEmpty() ? 0 : missedInARow + 1;
            if (missedInARow == 2) {
                print("Two steps in a row missed their targets: the ramp stops here.");
                break;
            }
            if (lag.awaitZero(300) < 0) {
                print("The consumers did not catch up within 300 s: the ramp stops here.");
                break;
            }
        }
        print("");
        print(StepResult.knee(results));
        results.stream().filter(r -> !r.misses().isEmpty()).forEach(r -> print("  at %d/s: %s".formatted(r.rate(),
                String.join("; ", r.misses()))));
        byThread.forEach(this::print);
        profile.forEach(this::print);
        return results;
    }

    /** How many of the load material's providers the imports took: the next ones are new. */
    private int importedProviders() {
        return options.importAgain() ? 2 * options.providers() : options.providers();
    }

    /** Every instance of the services that consume {@code provider.events}, to pause and resume together. */
    private static ProviderImport.Consumers consumersOf(DevStack stack) {
        List<String> names = stack.names().stream()
                .filter(name -> ProviderImport.CONSUMING_SERVICES.stream().anyMatch(name::startsWith)).toList();
        return new ProviderImport.Consumers() {
            @Override
            public void hold() throws Exception {
                for (String name : names) {
                    stack.pause(name);
                }
            }

            @Override
            public void release() throws Exception {
                for (String name : names) {
                    stack.resume(name);
                }
            }
        };
    }

    private static Map<String, Long> pids(DevStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        stack.names().forEach(name -> pids.put(name, stack.pid(name)));
        return pids;
    }

    /** Until each answered demand's entry reached its enterprise's stream (or it had no match), or time is up. */
    private static void awaitDeliveries(Step step, Observations seen, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = step.responses.keySet().stream().allMatch(id -> seen.delivered.containsKey(id)
                    || (seen.proposed.containsKey(id) && seen.proposed.get(id).proposals() == 0));
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static Thread sampleLag(ConsumerLag lag, AtomicLong max) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                max.accumulateAndGet(safeTotal(lag), Math::max);
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lag-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    /** The lag summed over every group, 0 when the broker did not answer in time (a sample, not a verdict). */
    private static long safeTotal(ConsumerLag lag) {
        return lag.byGroupIfAnswered(null).map(byGroup -> byGroup.values().stream().mapToLong(Long::longValue).sum())
                .orElse(0L);
    }

    private void print(String line) {
        System.out.println(line);
        report.add(line);
    }

    private static void log(String format, Object... args) {
        System.out.println("[load] " + format.formatted(args));
    }
}
