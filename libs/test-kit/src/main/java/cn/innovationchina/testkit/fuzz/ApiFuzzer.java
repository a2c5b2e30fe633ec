package cn.innovationchina.testkit.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.AuthorizationMatrix;
import cn.innovationchina.testkit.AuthorizationMatrix.Tenant;
import cn.innovationchina.testkit.LiveStreams;
import cn.innovationchina.testkit.OpenApiDocument;
import cn.innovationchina.testkit.RealInfrastructure;
import cn.innovationchina.testkit.Tokens;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes a service through its OpenAPI document: thousands of requests made from the operations' schemas, each with
 * something broken, sent over HTTP as the callers given. What every answer must keep (issue 17): never a 5xx; every
 * 4xx an RFC 9457 problem with its status, and a 400 naming the field at fault; and nothing of a refused request
 * stored ({@link Findings#assertClean}). After the random requests, every operation that takes a free-text query
 * parameter is swept, one parameter at a time, with each of a few hostile texts as every caller, so that what
 * chance finds rarely is tried every run.
 * <p>
 * How many requests and which seed come from the system properties {@code fuzz.requests} (default
 * {@value #DEFAULT_REQUESTS}) and {@code fuzz.seed} (default: a new one, printed with any finding so the run can be
 * repeated).
 */
public final class ApiFuzzer {

    public static final int DEFAULT_REQUESTS = 2_000;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Each request on a connection of its own: a stream is left open and let go, and a request that breaks its
     * connection must not leave a later request waiting on it.
     */
    private final WebTestClient http;
    private final Map<String, Object> openApi;
    private final List<String> tokens = new ArrayList<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String> queryValues = new LinkedHashMap<>();

    private ApiFuzzer(WebTestClient http, Map<String, Object> openApi) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(30))
                .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection())).build();
        this.openApi = openApi;
    }

    /** The service {@code http} talks to, as its OpenAPI document describes it. */
    public static ApiFuzzer forServiceAt(WebTestClient http) {
        return new ApiFuzzer(http, OpenApiDocument.of(http));
    }

    /** Requests go as every role of both tenants (one picked per request; some requests go without a token). */
    public ApiFuzzer asEveryCallerOf(Tenant own, Tenant other) {
        tokens.addAll(AuthorizationMatrix.callers(Tokens.forTests(), own, other).values());
        return this;
    }

    /** Ids of objects that exist, by path placeholder name, so that most requests get past the lookup. */
    public ApiFuzzer withPathValues(Map<String, String> values) {
        pathValues.putAll(values);
        return this;
    }

    /** Values of query parameters that pass validation, by name, e.g. a report's period. */
    public ApiFuzzer withQueryValues(Map<String, String> values) {
        queryValues.putAll(values);
        return this;
    }

    public Findings run() {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        return run(seed, requests);
    }

    @SuppressWarnings("unchecked")
    private Findings run(long seed, int requests) {
        var random = new Random(seed);
        var requestsOf = new FuzzedRequests(openApi, new HostileValues(random), pathValues, queryValues,
                tokens);
        List<Map.Entry<String, Map<String, Object>>> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) openApi.get("paths")).forEach((path, byMethod) -> byMethod.forEach(
                (method, operation) -> {
                    if (METHODS.contains(method)) {
                        operations.add(Map.entry(method + " " + path, (Map<String, Object>) operation));
                    }
                }));
        var findings = new Findings(seed);
        for (int number = 0; number < requests; number++) {
            var operation = operations.get(number % operations.size());
            String[] methodAndPath = operation.getKey().split(" ", 2);
            var request = requestsOf.next(methodAndPath[0], methodAndPath[1], operation.getValue(), number);
            boolean stream = streams(operation.getValue());
            send(http, request, stream, findings);
        }
        sweepQueryTexts(operations, requestsOf, findings);
        return findings;
    }

    /**
     * Beside the random requests, every operation that takes a free-text query parameter gets each hostile text in
     * it, once as every caller: chance rarely put a NUL into a search's text as a caller allowed to search, and
     * that NUL was a 500 the gateway's breaker counted against the service.
     */
    private void sweepQueryTexts(List<Map.Entry<String, Map<String, Object>>> operations, FuzzedRequests requestsOf,
            Findings findings) {
        int number = 0;
        for (var operation : operations) {
            String[] methodAndPath = operation.getKey().split(" ", 2);
            boolean stream = streams(operation.getValue());
            for (String parameter : requestsOf.queryTextParameters(operation.getValue())) {
                for (String token : tokens) {
                    for (String text : HostileValues.HOSTILE_QUERY_TEXTS) {
                        send(http, requestsOf.withQueryText(methodAndPath[0], methodAndPath[1],
                                operation.getValue(), parameter, text, token, number++), stream, findings);
                    }
                }
            }
        }
    }

    private static void send(WebTestClient http, FuzzedRequests.Fuzzed request, boolean stream, Findings findings) {
        // The request's path and query are encoded already (Encoding): as a template they would be encoded again,
        // and a NUL sent as %00 would reach the service as the three characters "%00".
        var spec = http.method(HttpMethod.valueOf(request.method()))
                .uri(base -> URI.create(base.build() + request.uri())).headers(headers -> {
            if (request.token() != null) {
                headers.setBearerAuth(request.token());
            }
            if (request.ifMatch() != null) {
                headers.setIfMatch(request.ifMatch());
            }
        });
        var sent = request.body() == null ? spec
                : spec.contentType(MediaType.parseMediaType(request.contentType())).bodyValue(request.body());
        int status;
        String contentType;
        byte[] body;
        try {
            if (stream) {
                status = LiveStreams.statusOf(sent);
                contentType = null;
                body = null;
            } else {
                var result = sent.exchange().expectBody().returnResult();
                status = result.getStatus().value();
                contentType = String.valueOf(result.getResponseHeaders().getContentType());
                body = result.getResponseBodyContent();
            }
        } catch (IllegalStateException | AssertionError noAnswer) {
            findings.defect(request, "no answer: " + noAnswer.getMessage());
            return;
        }
        findings.answered(request, status);
        if (status >= 500) {
            findings.defect(request, "server error " + status + ": " + text(body));
        } else if (status >= 400 && body != null) {
            checkProblem(request, status, contentType, body, findings);
        }
    }

    /** A 4xx is an RFC 9457 problem with its status; a 400 names each field at fault. */
    private static void checkProblem(FuzzedRequests.Fuzzed request, int status, String contentType, byte[] body,
            Findings findings) {
        if (!contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            findings.defect(request, status + " as " + contentType + ", not a problem: " + text(body));
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException unreadable) {
            findings.defect(request, status + " with an unreadable problem: " + text(body));
            return;
        }
        if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()) {
            findings.defect(request, status + " with a problem lacking its status or title: " + text(body));
        } else if (status == 400 && !namesFields(problem.path("errors"))) {
            findings.defect(request, "400 naming no field: " + text(body));
        }
    }

    private static boolean namesFields(JsonNode errors) {
        if (!errors.isArray() || errors.isEmpty()) {
            return false;
        }
        for (JsonNode error : errors) {
            if (error.path("field").asString("").isBlank()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean streams(Map<String, Object> operation) {
        var responses = (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
        return responses.values().stream().anyMatch(response -> ((Map<String, Object>) response
                .getOrDefault("content", Map.of())).keySet().stream()
                .anyMatch(type -> type.toLowerCase(Locale.ROOT).contains("event-stream")));
    }

    private static String text(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    /** What one run found: its seed, the statuses it got, the defects, and the canaries of refused requests. */
    public static final class Findings {

        private final long seed;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> defects = new ArrayList<>();
        private final List<String> refusedCanaries = new ArrayList<>();

        Findings(long seed) {
            this.seed = seed;
        }

        void answered(FuzzedRequests.Fuzzed request, int status) {
            statuses.merge(status, 1, Integer::sum);
            if (status >= 400) {
                refusedCanaries.add(request.canary());
            }
        }

        void defect(FuzzedRequests.Fuzzed request, String what) {
            defects.add(request + " -> " + what);
        }

        private void assertNoDefects() {
            if (!defects.isEmpty()) {
                throw new AssertionError(defects.size() + " defects (repeat with -Dfuzz.seed=" + seed + "):\n"
                        + String.join("\n", defects.subList(0, Math.min(30, defects.size()))));
            }
        }

        /**
         * What every run must show: no defect, nothing of a refused request stored in any database of the Mongo
         * server, and some requests that got past validation (else the run tested only the refusals).
         */
        public void assertClean() {
            assertNoDefects();
            assertNothingStoredFrom(RealInfrastructure.get().storedText());
            if (!statuses.containsKey(200)) {
                throw new AssertionError("no request reached the code behind validation: " + statuses);
            }
        }

        /** Fails if the text of everything a service stores holds the canary of a request it refused. */
        private void assertNothingStoredFrom(String storedText) {
            List<String> stored = refusedCanaries.stream().filter(storedText::contains).toList();
            if (!stored.isEmpty()) {
                throw new AssertionError("refused requests left data behind (canaries " + stored
                        + ", repeat with -Dfuzz.seed=" + seed + ")");
            }
        }
    }
}
