package cn.innovationchina.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.innovationchina.devstack.DevStack;
import cn.innovationchina.devstack.demo.DevTokens;
import cn.innovationchina.devstack.demo.LoadData;
import cn.innovationchina.devstack.demo.Platform;
import cn.innovationchina.load.ConsumerLag;
import cn.innovationchina.load.DemandDriver;
import cn.innovationchina.load.EventProbe;
import cn.innovationchina.load.HarnessHttp;
import cn.innovationchina.load.InboxStreams;
import cn.innovationchina.load.Observations;
import cn.innovationchina.load.Seeding;
import cn.innovationchina.load.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scripted failures on a platform of its own, each while demands stream in through the gateway, each ending with a
 * verdict on the promises: every published demand has its events and exactly one inbox entry about its matches,
 * nothing is done twice, and the consumers catch up. The stack runs two instances of matching-service and of
 * notification-service, so partitions move between instances when one stops.
 *
 * <p>Usage: {@code Faults REPO_ROOT [--scenarios NAME,...] [--rate 3] [--providers 2000] [--enterprises 20]
 * [--port-base 6080]}; the scenarios are {@value #ALL}, and kill-SERVICE for one service of kill-services.
 */
public final class Faults {

    static final String ALL = "kill-services,kill-broker,broker-down,pause-consumer,malformed,slow-webhook,rewind";
    private static final List<String> SERVICES = List.of("demand-service", "expert-service", "matching-service",
            "notification-service", "monitoring-service", "gateway");
    private static final List<String> EVENT_TOPICS = List.of("demand.events", "match.events", "provider.events");
    /** matching-service's per-instance index groups, which read provider.events without dead letters (ADR 0014). */
    private static final String INDEX_GROUPS = "matching-service-index-";
    private static final Map<String, String> TOPIC_EVENT = Map.of("demand.events", "DemandPublished",
            "match.events", "MatchesProposed", "provider.events", "ProviderRegistered");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int rate;
    /** The next of the load's experts to import: those before it are on the platform. */
    private final AtomicInteger nextProvider;
    private final DevStack stack;
    private final HttpClient http;
    private final Map<String, String> enterpriseTokens;
    private final DemandDriver driver;
    private final Observations seen;
    private final Effects effects;
    private final ConsumerLag lag;
    private final Brokers brokers;
    private final Platform platform;
    private final DevTokens tokens;

    private Faults(int rate, int providers, DevStack stack, HttpClient http, LoadData loadData,
            Map<String, String> enterpriseTokens, Observations seen, Effects effects, ConsumerLag lag, Brokers brokers,
            Platform platform, DevTokens tokens) {
        this.rate = rate;
        this.nextProvider = new AtomicInteger(providers);
        this.stack = stack;
        this.http = http;
        this.enterpriseTokens = enterpriseTokens;
        this.driver = new DemandDriver(http, stack.gateway(), loadData, enterpriseTokens);
        this.seen = seen;
        this.effects = effects;
        this.lag = lag;
        this.brokers = brokers;
        this.platform = platform;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> scenarios = Arrays.asList(ALL.split(","));
        // About half the knee measured by infra/load (docs/benchmarks.md), and enough providers for every match.
        int rate = 3;
        int providers = 2_000;
        int enterprises = 20;
        int portBase = 6080;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--scenarios" -> scenarios = Arrays.asList(args[++i].split(","));
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--providers" -> providers = Integer.parseInt(args[++i]);
                case "--enterprises" -> enterprises = Integer.parseInt(args[++i]);
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (--scenarios " + ALL + " --rate N --providers N --enterprises N --port-base N)");
            }
        }
        Path target = root.resolve("infra/faults/target");
        Path data = target.resolve("stack");
        log("Starting the platform (two instances of matching and notification; data in %s) ...",
                root.relativize(data));
        DevStack stack = DevStack.up(DevStack.Options.scratch(root, data, portBase,
                Map.of("matching-service", 2, "notification-service", 2), false, true));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "faults-stop"));
        List<Verdict> verdicts = new ArrayList<>();
        var http = HarnessHttp.client();
        var seen = new Observations();
        try (var lag = new ConsumerLag(stack.kafkaBootstrap()); var brokers = new Brokers(stack.kafkaBootstrap());
                var effects = new Effects(stack.mongoUri(), seen)) {
            var tokens = new DevTokens(stack.signingKey());
            log("%d providers imported in %.1f s", providers,
                    Seeding.importProviders(http, stack.gateway(), tokens, providers));
            lag.awaitZero(900);
            var loadData = new LoadData(enterprises);
            var platform = new Platform(stack.gateway(), portBase);
            var enterpriseTokens = Seeding.registerEnterprises(platform, tokens, loadData);
            try (var probe = new EventProbe(stack.kafkaBootstrap(), seen)) {
                var faults = new Faults(rate, providers, stack, http, loadData, enterpriseTokens, seen, effects,
                        lag, brokers, platform, tokens);
                for (String scenario : scenarios) {
                    log("Scenario %s ...", scenario);
                    for (Verdict verdict : faults.run(scenario)) {
                        System.out.print(verdict.text());
                        verdicts.add(verdict);
                    }
                }
            }
        } finally {
            List<String> lines = new ArrayList<>();
            verdicts.forEach(v -> lines.add(v.text()));
            lines.add("%d of %d promises kept".formatted(verdicts.stream().filter(Verdict::kept).count(),
                    verdicts.size()));
            Files.write(target.resolve("fault-verdicts.txt"), lines, StandardCharsets.UTF_8);
            System.out.println(lines.get(lines.size() - 1));
            stack.stop();
        }
        System.exit(verdicts.stream().allMatch(Verdict::kept) ? 0 : 1);
    }

    private List<Verdict> run(String scenario) throws Exception {
        return switch (scenario) {
            case "kill-services" -> {
                List<Verdict> verdicts = new ArrayList<>();
                for (String service : SERVICES) {
                    verdicts.add(killAndRestart(service));
                }
                yield verdicts;
            }
            case "kill-broker" -> List.of(killAndRestart("kafka"));
            case "broker-down" -> List.of(brokerDown());
            case "pause-consumer" -> List.of(pauseConsumer());
            case "malformed" -> List.of(malformed());
            case "slow-webhook" -> List.of(slowWebhook());
            case "rewind" -> List.of(rewind());
            default -> {
                // kill-<process>: one of kill-services' victims alone (kill-notification-service ...).
                String process = scenario.replaceFirst("^kill-", "");
                if (scenario.startsWith("kill-") && SERVICES.contains(process)) {
                    yield List.of(killAndRestart(process));
                }
                throw new IllegalArgumentException("No scenario " + scenario + "; there are " + ALL
                        + " and kill-<service>");
            }
        };
    }

    // --- the scenarios -------------------------------------------------------------------------------------------

    private Verdict killAndRestart(String name) throws Exception {
        String promise = "kill -9 " + name + " mid-stream, restart after 5 s: every published demand has its events "
                + "and exactly one inbox entry about its matches; the consumers catch up";
        return streamWith("kill-" + name, promise, 60, 20, () -> {
            stack.kill(name);
            Thread.sleep(5000);
            stack.restart(name);
            return List.of(name + " killed, restarted after 5 s");
        }, step -> List.of());
    }

    private Verdict brokerDown() throws Exception {
        String promise = "the broker is down for 30 s: the APIs keep accepting demands (the outbox holds the events) "
                + "and everything flows once it is back";
        return streamWith("broker-down", promise, 60, 10, () -> {
            stack.kill("kafka");
            Thread.sleep(30_000);
            stack.restart("kafka");
            return List.of("broker down for 30 s");
        }, step -> step.failed() == 0 ? List.of()
                : List.of("demands refused while the broker was down: " + step.failuresByReason()));
    }

    private Verdict pauseConsumer() throws Exception {
        String promise = "notification-service paused (SIGSTOP) for 60 s, longer than its session timeout: its "
                + "partitions move to the other instance, nothing is lost or done twice";
        return streamWith("pause-notification", promise, 100, 15, () -> {
            stack.pause("notification-service");
            Thread.sleep(60_000);
            stack.resume("notification-service");
            return List.of("notification-service stopped for 60 s, then continued");
        }, step -> List.of());
    }

    /** The same stream twice, clean and with 1% malformed records on each topic. */
    private Verdict malformed() throws Exception {
        String promise = "1% malformed records on each event topic: each reaches every consuming group's dead-letter "
                + "topic, the rest flows, throughput drops less than 10%";
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Step clean = withProvidersArriving(() -> stream(60, 0, () -> List.of()));
        lag.awaitZero(300);
        Map<String, Long> appendedBefore = appended();
        Map<String, Map<String, Long>> dlqBefore = deadLetters();
        Map<String, Long> injected = new LinkedHashMap<>();
        EVENT_TOPICS.forEach(topic -> injected.put(topic, 0L));
        var injector = new Thread(() -> inject(appendedBefore, injected), "malformed-injector");
        injector.start();
        Step dirty = withProvidersArriving(() -> stream(60, 0, () -> List.of()));
        injector.interrupt();
        injector.join();
        double caughtUp = lag.awaitZero(600);
        awaitNews(dirty);
        Map<String, Map<String, Long>> dlqAfter = deadLetters();
        for (String topic : EVENT_TOPICS) {
            long records = brokers.appended(topic) - appendedBefore.get(topic);
            findings.add("%s: %d malformed of %d records (%.2f%%)".formatted(topic, injected.get(topic), records,
                    100.0 * injected.get(topic) / Math.max(1, records)));
            for (String group : brokers.groupsConsuming(topic)) {
                if (group.startsWith(INDEX_GROUPS)) {
                    findings.add("  %s: no dead-letter topic (its service's own group has them, ADR 0014)"
                            .formatted(group));
                    continue;
                }
                String dlq = topic + "." + group + ".dlq";
                long arrived = dlqAfter.get(topic).getOrDefault(dlq, 0L) - dlqBefore.get(topic).getOrDefault(dlq, 0L);
                findings.add("  %s: %d dead letters".formatted(dlq, arrived));
                if (arrived != injected.get(topic)) {
                    problems.add(dlq + " got " + arrived + " of " + injected.get(topic));
                }
            }
        }
        double cleanRate = achieved(clean);
        double dirtyRate = achieved(dirty);
        findings.add(("published per second: %.2f clean, %.2f with malformed records; MatchesProposed p50/p99 %s ms "
                + "clean, %s ms with them; caught up %.1f s after the stream").formatted(cleanRate, dirtyRate,
                        proposedLatency(clean), proposedLatency(dirty), caughtUp));
        if (dirtyRate < 0.9 * cleanRate) {
            problems.add("throughput dropped by more than 10%");
        }
        problems.addAll(effects.problems(dirty.published()));
        findings.addAll(problems);
        return new Verdict("malformed-1%", promise, problems.isEmpty(), findings);
    }

    /** Five new experts imported every two seconds while the task runs, so provider.events carries records too. */
    private <T> T withProvidersArriving(Callable<T> task) throws Exception {
        var arrivals = Executors.newSingleThreadScheduledExecutor();
        arrivals.scheduleWithFixedDelay(() -> {
            try {
                Seeding.importProviders(http, stack.gateway(), tokens, nextProvider.getAndAdd(5), 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log("importing providers during the stream failed: %s", e);
            }
        }, 0, 2, TimeUnit.SECONDS);
        try {
            return task.call();
        } finally {
            arrivals.shutdownNow();
        }
    }

    private void inject(Map<String, Long> appendedBefore, Map<String, Long> injected) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            while (!Thread.currentThread().isInterrupted()) {
                for (String topic : EVENT_TOPICS) {
                    long real = brokers.appended(topic) - appendedBefore.get(topic) - injected.get(topic);
                    // One malformed record per 99 real ones: 1% of what the topic carries.
                    for (long n = injected.get(topic); n < real / 99; n++) {
                        var record = new ProducerRecord<String, String>(topic, "malformed-" + UUID.randomUUID(),
                                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"payload\":{\"demandId\":");
                        record.headers().add("eventType", TOPIC_EVENT.get(topic).getBytes(StandardCharsets.UTF_8));
                        record.headers().add("eventId", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                        producer.send(record).get(10, TimeUnit.SECONDS);
                        injected.merge(topic, 1L, Long::sum);
                    }
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Injecting malformed records failed", e);
        }
    }

    /**
     * One enterprise's webhook receiver answers in 2 s; after a warm-up it fails every other call, then every call.
     * ADR 0018 keeps the circuit closed while retries get most deliveries through, and opens it when nearly all
     * calls fail.
     */
    private Verdict slowWebhook() throws Exception {
        String promise = "an enterprise's webhook receiver answers in 2 s and fails half of its calls, then all of "
                + "them: at most 4 calls per delivery, the circuit stays closed at half and opens at all, and the "
                + "enterprise's inbox and live stream do not wait for the receiver";
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String enterprise = new LoadData(1).enterprises().get(0).id();
        String token = enterpriseTokens.get(enterprise);
        var oneEnterprise = new DemandDriver(http, stack.gateway(), new LoadData(1), Map.of(enterprise, token));
        try (var receiver = SlowReceiver.start(Duration.ofSeconds(2)); var streams = new InboxStreams(http, seen)) {
            String endpoint = platform.expectPost("notification", "/notifications/webhooks", token,
                    Map.of("url", receiver.url()), null).body().path("id").asString();
            streams.open(stack.gateway(), token);
            streams.awaitOpen(1);
            var phases = new WebhookPhases(receiver, endpoint, token, oneEnterprise, findings, problems);
            try {
                // Not judged: the first demands of a fresh stack, and each instance's first webhook call, run cold.
                phases.run("warm-up, no call failing", 0, 20);
                var half = phases.run("half of the calls failing", 2, 60);
                var down = phases.run("every call failing", 1, 30);

                int most = Math.max(receiver.mostCallsForOneDelivery(), effects.mostAttempts(endpoint));
                findings.add("at most %d calls for one delivery".formatted(most));
                if (most > 4) {
                    problems.add("a delivery was called " + most + " times, more than the 4 attempts");
                }
                if (half.circuits().stream().anyMatch(state -> state.endsWith(" OPEN"))) {
                    problems.add("the circuit opened although half of the calls succeeded: " + half.circuits());
                }
                if (down.circuits().stream().noneMatch(state -> state.endsWith(" OPEN"))) {
                    problems.add("the circuit never opened while every call failed: " + down.circuits());
                }
                if (down.outcomes().keySet().stream().noneMatch(outcome -> outcome.contains("circuit open"))) {
                    problems.add("no delivery was refused by the open circuit: " + down.outcomes());
                }
                for (var phase : List.of(half, down)) {
                    for (Histogram latency : newsLatency(phase.step())) {
                        if (latency.getValueAtPercentile(99) >= TimeUnit.SECONDS.toMicros(2)) {
                            problems.add("the inbox or the live stream waited for the receiver: p99 "
                                    + latency.getValueAtPercentile(99) / 1000 + " ms");
                        }
                    }
                    problems.addAll(effects.problems(phase.step().published()));
                }
            } finally {
                platform.delete("notification", "/notifications/webhooks/" + endpoint, token);
            }
        }
        findings.addAll(problems);
        return new Verdict("slow-webhook", promise, problems.isEmpty(), findings);
    }

    /** What one phase of the slow receiver did: its demands, the deliveries' outcomes and the circuits seen. */
    private record WebhookPhase(Step step, Map<String, Long> outcomes, Set<String> circuits) {
    }

    /** The phases of the slow-webhook scenario, each counted apart from the ones before it. */
    private final class WebhookPhases {

        private final SlowReceiver receiver;
        private final String endpoint;
        private final String token;
        private final DemandDriver driver;
        private final List<String> findings;
        private final List<String> problems;
        private Map<String, Long> outcomesBefore = Map.of();
        private long callsBefore;

        WebhookPhases(SlowReceiver receiver, String endpoint, String token, DemandDriver driver, List<String> findings,
                List<String> problems) {
            this.receiver = receiver;
            this.endpoint = endpoint;
            this.token = token;
            this.driver = driver;
            this.findings = findings;
            this.problems = problems;
        }

        /** Streams the enterprise's demands while every {@code failEvery}th call fails (0: none), then settles. */
        WebhookPhase run(String name, int failEvery, int seconds) throws Exception {
            receiver.failEvery(failEvery);
            Set<String> circuits = ConcurrentHashMap.newKeySet();
            Step step = watchingCircuits(token, endpoint, circuits,
                    () -> settled(endpoint, stream(driver, seconds, 0, () -> List.of(), findings), problems));
            Map<String, Long> total = effects.webhookOutcomes(endpoint);
            Map<String, Long> outcomes = new TreeMap<>(total);
            outcomesBefore.forEach((outcome, count) -> outcomes.merge(outcome, -count, Long::sum));
            outcomes.values().removeIf(count -> count == 0);
            outcomesBefore = total;
            long calls = receiver.calls() - callsBefore;
            callsBefore = receiver.calls();
            Histogram[] news = newsLatency(step);
            findings.add(("%s: %d demands, %d calls, deliveries %s, circuits seen %s; inbox p50/p99 %s ms, live "
                    + "stream %s ms (slowest inbox entries %s)").formatted(name, step.published().size(), calls,
                            outcomes, new TreeSet<>(circuits), percentiles(news[0]), percentiles(news[1]),
                            slowestNews(step)));
            return new WebhookPhase(step, outcomes, circuits);
        }
    }

    /** Waits for the step's news and then for every webhook delivery to the endpoint to end (SENT or FAILED). */
    private Step settled(String endpoint, Step step, List<String> problems) throws InterruptedException {
        awaitNews(step);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (effects.webhookOutcomes(endpoint).containsKey("PENDING")) {
            if (System.nanoTime() > deadline) {
                problems.add("webhook deliveries still PENDING 120 s after the stream: "
                        + effects.webhookOutcomes(endpoint));
                break;
            }
            Thread.sleep(1000);
        }
        return step;
    }

    /** The three slowest inbox entries of a step, each with when its demand was sent: a burst or a steady wait. */
    private String slowestNews(Step step) {
        long start = step.responses().values().stream().mapToLong(Step.Response::intendedNanos).min().orElse(0);
        return step.responses().entrySet().stream().filter(answered -> seen.delivery(answered.getKey()) != null)
                .map(answered -> {
                    var response = answered.getValue();
                    long ms = Duration.between(response.respondedAt(),
                            seen.delivery(answered.getKey()).createdAt()).toMillis();
                    return new long[] {ms, (response.intendedNanos() - start) / 1_000_000_000L};
                })
                .sorted((a, b) -> Long.compare(b[0], a[0])).limit(3)
                .map(slow -> slow[0] + " ms for the demand sent at +" + slow[1] + " s").toList().toString();
    }

    /** Notes each state of the endpoint's circuit any notification instance reports while the task runs. */
    private <T> T watchingCircuits(String token, String endpoint, Set<String> states, Callable<T> task)
            throws Exception {
        var watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleWithFixedDelay(() -> states.addAll(circuits(token, endpoint)), 0, 500, TimeUnit.MILLISECONDS);
        try {
            return task.call();
        } finally {
            watcher.shutdownNow();
        }
    }

    /** The endpoint's circuit as each notification instance sees it, e.g. "notification-service-2 OPEN". */
    private List<String> circuits(String token, String endpoint) {
        List<String> states = new ArrayList<>();
        for (String instance : List.of("notification-service", "notification-service-2")) {
            var request = HttpRequest.newBuilder(URI.create(stack.url(instance) + "/notifications/webhooks"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build();
            try {
                for (JsonNode webhook : JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString())
                        .body())) {
                    if (endpoint.equals(webhook.path("id").asString())) {
                        states.add(instance + " " + webhook.path("circuit").asString());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return states;
            } catch (Exception e) {
                // A busy instance is asked again at the next tick.
            }
        }
        return states;
    }

    private Verdict rewind() throws Exception {
        String promise = "consumer offsets rewound to the start of every topic (10,000 events or more): no new effect "
                + "anywhere";
        List<String> problems = new ArrayList<>();
        lag.awaitZero(300);
        long inbox = effects.count("notification-service", "inbox");
        long deliveries = effects.count("notification-service", "deliveries");
        long matchLists = effects.count("matching-service", "demandMatches");
        String figures = monitoringFigures();
        int events = seen.distinctEventCount();
        String[] consumers = {"matching-service", "matching-service-2", "notification-service",
                "notification-service-2", "monitoring-service", "expert-service"};
        stack.stopGracefully(consumers);
        Map<String, Long> rewound = brokers.rewindToStart(Set.of("matching-service", "notification-service",
                "monitoring-service", "expert-service"));
        long total = rewound.values().stream().mapToLong(Long::longValue).sum();
        stack.restart(consumers);
        double caughtUp = lag.awaitZero(1200);
        Thread.sleep(10_000);
        compare(problems, "inbox entries", inbox, effects.count("notification-service", "inbox"));
        compare(problems, "deliveries", deliveries, effects.count("notification-service", "deliveries"));
        compare(problems, "match lists", matchLists, effects.count("matching-service", "demandMatches"));
        compare(problems, "DemandPublished/MatchesProposed events", events, seen.distinctEventCount());
        if (!figures.equals(monitoringFigures())) {
            problems.add("monitoring's figures changed");
        }
        if (total < 10_000) {
            problems.add("only " + total + " events were rewound");
        }
        List<String> findings = new ArrayList<>();
        findings.add("%d events read again by %d groups %s; caught up in %.1f s".formatted(total, rewound.size(),
                rewound.keySet(), caughtUp));
        findings.add("unchanged: %d inbox entries, %d deliveries, %d match lists, monitoring's figures".formatted(
                inbox, deliveries, matchLists));
        findings.addAll(problems);
        return new Verdict("rewind", promise, problems.isEmpty(), findings);
    }

    // --- the stream and its verdict --------------------------------------------------------------------------------

    /** A fault to apply mid-stream; answers what it did. */
    private interface Fault extends Callable<List<String>> {
    }

    /** A scenario's own checks on its step, beyond the common ones. */
    private interface Check {
        List<String> problems(Step step);
    }

    private Verdict streamWith(String name, String promise, int seconds, int faultAt, Fault fault, Check check)
            throws Exception {
        List<String> findings = new ArrayList<>();
        long[] recovered = new long[1];
        Step step = stream(driver, seconds, faultAt, () -> {
            List<String> done = fault.call();
            recovered[0] = System.nanoTime();
            return done;
        }, findings);
        double caughtUp = lag.awaitZero(900);
        double sinceRecovery = caughtUp < 0 ? -1 : (System.nanoTime() - recovered[0]) / 1e9;
        awaitNews(step);
        List<String> problems = new ArrayList<>(effects.problems(step.published()));
        problems.addAll(check.problems(step));
        if (caughtUp < 0) {
            problems.add("the consumers did not catch up within 900 s");
        }
        findings.add("%d demands published at %d/s, %d refused %s; lag back to zero %.1f s after recovery"
                .formatted(step.published().size(), rate, step.failed(), step.failuresByReason(), sinceRecovery));
        findings.addAll(problems);
        return new Verdict(name, promise, problems.isEmpty(), findings);
    }

    private Step stream(int seconds, int faultAt, Fault fault) throws Exception {
        return stream(driver, seconds, faultAt, fault, new ArrayList<>());
    }

    /** Streams demands for a while; after {@code faultAt} seconds (0: never) applies the fault. */
    private Step stream(DemandDriver with, int seconds, int faultAt, Fault fault, List<String> findings)
            throws Exception {
        var step = new Step(rate, seconds);
        var sender = new Thread(() -> with.run(step), "demand-stream");
        sender.start();
        if (faultAt > 0) {
            Thread.sleep(faultAt * 1000L);
            findings.addAll(fault.call());
        }
        sender.join();
        DemandDriver.awaitAnswers(step, Duration.ofSeconds(60));
        return step;
    }

    private void awaitNews(Step step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !effects.allNewsArrived(step.published())) {
            Thread.sleep(1000);
        }
    }

    private double achieved(Step step) {
        long last = step.responses().values().stream().mapToLong(Step.Response::respondedNanos).max().orElse(0);
        long first = step.responses().values().stream().mapToLong(Step.Response::intendedNanos).min().orElse(0);
        return step.published().size() / Math.max(1e-9, (last - first) / 1e9);
    }

    private String proposedLatency(Step step) {
        var histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        step.responses().forEach((id, response) -> {
            var proposal = seen.proposal(id);
            if (proposal != null) {
                histogram.recordValue(micros(proposal.nanos() - response.respondedNanos()));
            }
        });
        return percentiles(histogram);
    }

    /** From each published demand's answer to the enterprise's inbox entry, and to its live stream (µs). */
    private Histogram[] newsLatency(Step step) {
        var inbox = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        var stream = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        step.responses().forEach((id, response) -> {
            var delivery = seen.delivery(id);
            if (delivery != null) {
                inbox.recordValue(micros(Duration.between(response.respondedAt(), delivery.createdAt()).toNanos()));
                stream.recordValue(micros(delivery.streamedNanos() - response.respondedNanos()));
            }
        });
        return new Histogram[] {inbox, stream};
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(TimeUnit.MINUTES.toMicros(10), nanos / 1000));
    }

    /** p50/p99 in milliseconds. */
    private static String percentiles(Histogram micros) {
        return "%.0f/%.0f".formatted(micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0);
    }

    private Map<String, Long> appended() throws Exception {
        Map<String, Long> appended = new LinkedHashMap<>();
        for (String topic : EVENT_TOPICS) {
            appended.put(topic, brokers.appended(topic));
        }
        return appended;
    }

    private Map<String, Map<String, Long>> deadLetters() throws Exception {
        Map<String, Map<String, Long>> deadLetters = new LinkedHashMap<>();
        for (String topic : EVENT_TOPICS) {
            deadLetters.put(topic, brokers.deadLetters(topic));
        }
        return deadLetters;
    }

    /** Today's figures of every pilot city, as the platform administrator's ranking shows them. */
    private String monitoringFigures() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        var ranking = platform.expectGet("monitoring", "/cities/ranking?from=" + today + "&to=" + today,
                tokens.platformAdmin()).body();
        var figures = new StringBuilder();
        ranking.forEach(city -> figures.append(city.path("cityCode").asString()).append(city.path("figures")));
        return figures.toString();
    }

    private static void compare(List<String> problems, String what, long before, long after) {
        if (before != after) {
            problems.add(what + ": " + before + " before, " + after + " after");
        }
    }

    private static void log(String format, Object... args) {
        System.out.println("[faults] " + format.formatted(args));
    }
}
