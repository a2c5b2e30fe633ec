package cn.innovationchina.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.devstack.demo.DevTokens;
import cn.innovationchina.devstack.demo.Platform;
import cn.innovationchina.devstack.demo.Platform.Answer;
import tools.jackson.databind.JsonNode;

/**
 * Loads a set into an empty platform and reads its match lists, only through the gateway's public API, each call
 * with the development token of the user who may make it: an expert writes its own profile and availability, the
 * platform administrator verifies, an enterprise registers and drafts and submits its demands, the city's
 * administrator approves where the city reviews demands, and the enterprise reads its demand's matches.
 */
final class ThroughTheGateway implements AutoCloseable {

    private final Platform api;
    private final DevTokens tokens;
    private final ExecutorService pool;
    private final AtomicLong providerEvents = new AtomicLong();

    ThroughTheGateway(Platform api, DevTokens tokens, int parallel) {
        this.api = api;
        this.tokens = tokens;
        this.pool = Executors.newFixedThreadPool(parallel);
    }

    /** The provider events the accepted writes so far caused on {@code provider.events}. */
    long providerEvents() {
        return providerEvents.get();
    }

    /** Each provider's profile as its expert, its availability if not available, then its verification. */
    void loadProviders(List<ApiRequests.ProviderRequest> providers) throws InterruptedException {
        all("providers", providers.stream().map(p -> (Callable<Void>) () -> {
            loadProvider(p);
            return null;
        }).toList());
    }

    private void loadProvider(ApiRequests.ProviderRequest provider) {
        String path = "/providers/" + provider.id();
        Object place = provider.profile().getOrDefault("cityCode", provider.profile().get("divisionCode"));
        String token = tokens.expert(provider.id(), String.valueOf(place));
        Answer saved = ok(api.put("expert", path, token, provider.profile(), null), "PUT " + path);
        providerEvents.addAndGet(saved.status() == 201 ? 1 : 0);
        if (provider.availability() != null) {
            saved = ok(api.put("expert", path + "/availability", token, provider.availabilityChange(), saved.etag()),
                    "PUT availability of " + provider.id());
            providerEvents.incrementAndGet();
        }
        if (provider.verified()) {
            ok(api.post("expert", path + "/verification", tokens.platformAdmin(), null, saved.etag()),
                    "POST verification of " + provider.id());
            providerEvents.incrementAndGet();
        }
    }

    void registerEnterprises(List<ApiRequests.EnterpriseRequest> enterprises) throws InterruptedException {
        all("enterprises", enterprises.stream().map(e -> (Callable<Void>) () -> {
            ok(api.post("demand", "/enterprises", tokens.enterprise(e.organisationId(), e.cityCode()),
                    e.registration(), null), "POST /enterprises for " + e.registration().get("name"));
            return null;
        }).toList());
    }

    /**
     * Publishes every demand (approved by its city's administrator where the city reviews demands) and waits for
     * its match list; answers each set demand's proposed provider ids, best first, and leaves out a demand whose
     * list did not come within the patience.
     */
    Map<String, List<String>> rankings(List<ApiRequests.DemandRequest> demands, Duration patience)
            throws InterruptedException {
        Map<String, List<String>> rankings = new ConcurrentHashMap<>();
        all("demands", demands.stream().map(d -> (Callable<Void>) () -> {
            var ranking = publishAndRead(d, patience);
            if (ranking != null) {
                rankings.put(d.id(), ranking);
            }
            return null;
        }).toList());
        return rankings;
    }

    private @Nullable List<String> publishAndRead(ApiRequests.DemandRequest demand, Duration patience)
            throws InterruptedException {
        String token = tokens.enterprise(demand.organisationId(), demand.cityCode());
        Answer draft = ok(api.post("demand", "/demands", token, demand.body(), null), "POST /demands " + demand.id());
        String id = draft.body().path("id").asString();
        Answer submitted = ok(api.post("demand", "/demands/" + id + "/submit", token, null, draft.etag()),
                "submit " + demand.id());
        if (submitted.body().path("status").asString("").equals("SUBMITTED")) {
            submitted = ok(api.post("demand", "/demands/" + id + "/approve", tokens.cityAdmin(demand.cityCode()),
                    null, submitted.etag()), "approve " + demand.id());
        }
        String status = submitted.body().path("status").asString("");
        if (!status.equals("PUBLISHED")) {
            throw new IllegalStateException(demand.id() + " is " + status + " after submission, not PUBLISHED");
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Answer matches = api.get("matching", "/demands/" + id + "/matches", token);
            if (matches.ok()) {
                List<JsonNode> proposed = new ArrayList<>();
                matches.body().path("matches").forEach(proposed::add);
                proposed.sort(Comparator.comparingInt(m -> m.path("rank").asInt()));
                return proposed.stream().map(m -> m.path("providerId").asString()).toList();
            }
            if (matches.status() != 404) {
                throw new IllegalStateException("GET matches of " + demand.id() + " answered " + matches.status()
                        + ": " + matches.body());
            }
            Thread.sleep(200);
        }
        return null;
    }

    /** Runs the calls in parallel; any failure fails the load, after every call has had its go. */
    private void all(String what, List<Callable<Void>> calls) throws InterruptedException {
        List<Future<Void>> futures = new ArrayList<>();
        calls.forEach(call -> futures.add(pool.submit(call)));
        List<String> failures = new ArrayList<>();
        for (var future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failures.add(String.valueOf(e.getCause().getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + calls.size() + " " + what
                    + " could not be loaded through the gateway:\n  " + String.join("\n  ", failures));
        }
    }

    private static Answer ok(Answer answer, String call) {
        if (!answer.ok()) {
            throw new IllegalStateException(call + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
