package cn.innovationchina.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import cn.innovationchina.devstack.demo.LoadData;
import cn.innovationchina.load.DemandDriver;
import cn.innovationchina.load.InboxStreams;
import cn.innovationchina.load.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One enterprise's webhook receiver answers in 2 s; after a warm-up it fails every other call, then every call.
 * ADR 0018 keeps the circuit closed while retries get most deliveries through, and opens it when nearly all calls
 * fail; the enterprise's inbox and live stream never wait for the receiver.
 */
record SlowWebhook(Harness harness, DemandStream stream) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one phase of the slow receiver did: its demands, the deliveries' outcomes and the circuits seen. */
    private record WebhookPhase(Step step, Map<String, Long> outcomes, Set<String> circuits) {
    }

    Verdict run() throws Exception {
        String promise = "an enterprise's webhook receiver answers in 2 s and fails half of its calls, then all of "
                + "them: at most 4 calls per delivery, the circuit stays closed at half and opens at all, and the "
                + "enterprise's inbox and live stream do not wait for the receiver";
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String enterprise = new LoadData(1).enterprises().get(0).id();
        String token = harness.enterpriseTokens().get(enterprise);
        var oneEnterprise = new DemandDriver(harness.http(), harness.stack().gateway(), new LoadData(1),
                Map.of(enterprise, token));
        try (var receiver = SlowReceiver.start(Duration.ofSeconds(2));
                var streams = new InboxStreams(harness.http(), harness.seen())) {
            String endpoint = harness.platform().expectPost("notification", "/notifications/webhooks", token,
                    Map.of("url", receiver.url()), null).body().path("id").asString();
            streams.open(harness.stack().gateway(), token);
            streams.awaitOpen(1);
            var phases = new Phases(receiver, endpoint, token, oneEnterprise, findings, problems);
            try {
                // Not judged: the first demands of a fresh stack, and each instance's first webhook call, run cold.
                phases.run("warm-up, no call failing", 0, 20);
                var half = phases.run("half of the calls failing", 2, 60);
                var down = phases.run("every call failing", 1, 30);
                problems.addAll(judge(receiver, endpoint, half, down, findings));
            } finally {
                harness.platform().delete("notification", "/notifications/webhooks/" + endpoint, token);
            }
        }
        findings.addAll(problems);
        return new Verdict("slow-webhook", promise, problems.isEmpty(), findings);
    }

    private List<String> judge(SlowReceiver receiver, String endpoint, WebhookPhase half, WebhookPhase down,
            List<String> findings) {
        List<String> problems = new ArrayList<>();
        int most = Math.max(receiver.mostCallsForOneDelivery(), harness.effects().mostAttempts(endpoint));
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
            for (Histogram latency : Latencies.news(phase.step(), harness.seen())) {
                if (latency.getValueAtPercentile(99) >= TimeUnit.SECONDS.toMicros(2)) {
                    problems.add("the inbox or the live stream waited for the receiver: p99 "
                            + latency.getValueAtPercentile(99) / 1000 + " ms");
                }
            }
            problems.addAll(harness.effects().problems(phase.step().published()));
        }
        return problems;
    }

    /** The phases of the scenario, each counted apart from the ones before it. */
    private final class Phases {

        private final SlowReceiver receiver;
        private final String endpoint;
        private final String token;
        private final DemandDriver driver;
        private final List<String> findings;
        private final List<String> problems;
        private Map<String, Long> outcomesBefore = Map.of();
        private long callsBefore;

        Phases(SlowReceiver receiver, String endpoint, String token, DemandDriver driver, List<String> findings,
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
                    () -> settled(endpoint, stream.stream(driver, seconds, 0, List::of, findings), problems));
            Map<String, Long> total = harness.effects().webhookOutcomes(endpoint);
            Map<String, Long> outcomes = new TreeMap<>(total);
            outcomesBefore.forEach((outcome, count) -> outcomes.merge(outcome, -count, Long::sum));
            outcomes.values().removeIf(count -> count == 0);
            outcomesBefore = total;
            long calls = receiver.calls() - callsBefore;
            callsBefore = receiver.calls();
            Histogram[] news = Latencies.news(step, harness.seen());
            findings.add(("%s: %d demands, %d calls, deliveries %s, circuits seen %s; inbox p50/p99 %s ms, live "
                    + "stream %s ms (slowest inbox entries %s)").formatted(name, step.published().size(), calls,
                            outcomes, new TreeSet<>(circuits), Latencies.percentiles(news[0]),
                            Latencies.percentiles(news[1]), Latencies.slowestNews(step, harness.seen())));
            return new WebhookPhase(step, outcomes, circuits);
        }
    }

    /** Waits for the step's news and then for every webhook delivery to the endpoint to end (SENT or FAILED). */
    private Step settled(String endpoint, Step step, List<String> problems) throws InterruptedException {
        stream.awaitNews(step);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (harness.effects().webhookOutcomes(endpoint).containsKey("PENDING")) {
            if (System.nanoTime() > deadline) {
                problems.add("webhook deliveries still PENDING 120 s after the stream: "
                        + harness.effects().webhookOutcomes(endpoint));
                break;
            }
            Thread.sleep(1000);
        }
        return step;
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
            var request = HttpRequest.newBuilder(URI.create(harness.stack().url(instance) + "/notifications/webhooks"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build();
            try {
                for (JsonNode webhook : JSON.readTree(harness.http().send(request,
                        HttpResponse.BodyHandlers.ofString()).body())) {
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
}
