package cn.innovationchina.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import cn.innovationchina.devstack.demo.LoadData;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts and publishes demands through the gateway at a steady rate, as an open model: each demand is sent when its
 * turn comes, whether or not the earlier ones were answered, so a slow platform shows as latency and backlog instead
 * of quietly slowing the load down. A demand is a draft ({@code POST /demands}) then its submission, which publishes
 * it in the cities the load uses; the step records the submission's answer.
 */
public final class DemandDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String gateway;
    private final LoadData data;
    private final Map<String, String> tokens;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final AtomicInteger next = new AtomicInteger();

    /** @param tokens each load enterprise's token, by organisation id */
    public DemandDriver(HttpClient http, String gateway, LoadData data, Map<String, String> tokens) {
        this.http = http;
        this.gateway = gateway;
        this.data = data;
        this.tokens = tokens;
    }

    /** Sends the step's demands at its rate for its length; answers when the last is sent (not answered). */
    public void run(Step step) {
        long period = TimeUnit.SECONDS.toNanos(1) / step.rate;
        int count = step.rate * step.seconds;
        long start = System.nanoTime();
        step.startedNanos = start;
        step.startedAt = Instant.now();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(step, due);
            step.sent = i + 1;
        }
        step.sendsEndedNanos = System.nanoTime();
    }

    /** Waits until every demand of the step has its answer, or the time is up. */
    public static void awaitAnswers(Step step, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (step.inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private void send(Step step, long due) {
        int n = next.getAndIncrement();
        var enterprise = data.enterpriseOf(n);
        String token = tokens.get(enterprise.id());
        step.inFlight.incrementAndGet();
        post("/api/demand/demands", token, JSON.writeValueAsBytes(data.demand(n, today)), null)
                .thenCompose(draft -> {
                    if (draft.statusCode() != 201) {
                        throw new Refused("draft " + draft.statusCode());
                    }
                    String id = JSON.readTree(draft.body()).path("id").asString();
                    String etag = draft.headers().firstValue("ETag").orElse("*");
                    return post("/api/demand/demands/" + id + "/submit", token, null, etag)
                            .thenApply(submitted -> {
                                if (submitted.statusCode() != 200) {
                                    throw new Refused("submit " + submitted.statusCode());
                                }
                                step.responses.put(id, new Step.Response(due, System.nanoTime(), Instant.now()));
                                return id;
                            });
                })
                .whenComplete((id, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        step.fail(cause instanceof Refused refused ? refused.getMessage()
                                : cause.getClass().getSimpleName());
                    }
                    step.inFlight.decrementAndGet();
                });
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String token, byte[] body, String ifMatch) {
        var request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An answer other than the expected success: counted by step and status. */
    private static final class Refused extends RuntimeException {
        Refused(String what) {
            super(what, null, false, false);
        }
    }
}
