package cn.innovationchina.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

import cn.innovationchina.devstack.ports.Ports;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The platform's public HTTP APIs, either at each service's own port or behind the gateway. Every call names the
 * service and the service's own path; {@link #url} is the one place that knows how the two are reached.
 */
public final class Platform {

    /** What a call answered: the status, the JSON body (missing when there is none) and the version headers. */
    public record Answer(int status, JsonNode body, @Nullable String etag) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final @Nullable String gateway;
    private final int portBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param gateway  the gateway's base URL ({@code http://localhost:8080}), or null to call each service directly
     * @param portBase the devstack's {@code --port-base}: each service's port is moved by it as the devstack does
     */
    public Platform(@Nullable String gateway, int portBase) {
        this.gateway = gateway == null ? null : gateway.replaceAll("/+$", "");
        this.portBase = portBase;
    }

    /** The gateway routes {@code /api/<service>/<the service's own path>}; without it each service has its port. */
    public String url(String service, String path) {
        if (!Ports.listed(service + "-service")) {
            throw new IllegalArgumentException("Unknown service " + service);
        }
        return gateway != null ? gateway + "/api/" + service + path
                : "http://localhost:" + Ports.of(service + "-service", portBase) + path;
    }

    String where() {
        return gateway != null ? "the gateway at " + gateway
                : "each service's own port (from " + portBase + ", as the devstack starts them)";
    }

    public Answer get(String service, String path, String token) {
        return call("GET", service, path, token, null, null);
    }

    public Answer post(String service, String path, String token, @Nullable Object body, @Nullable String ifMatch) {
        return call("POST", service, path, token, body, ifMatch);
    }

    public Answer put(String service, String path, String token, Object body, @Nullable String ifMatch) {
        return call("PUT", service, path, token, body, ifMatch);
    }

    public Answer delete(String service, String path, String token) {
        return call("DELETE", service, path, token, null, null);
    }

    /** Like {@link #post}, but anything other than 2xx is a failure of the load. */
    public Answer expectPost(String service, String path, String token, @Nullable Object body, @Nullable String ifMatch) {
        return expect(post(service, path, token, body, ifMatch), "POST", service, path);
    }

    public Answer expectGet(String service, String path, String token) {
        return expect(get(service, path, token), "GET", service, path);
    }

    private Answer expect(Answer answer, String method, String service, String path) {
        if (!answer.ok()) {
            throw new IllegalStateException(method + " " + url(service, path) + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer;
    }

    private Answer call(String method, String service, String path, String token, @Nullable Object body,
            @Nullable String ifMatch) {
        var request = HttpRequest.newBuilder(URI.create(url(service, path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = send(request.build());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? MissingNode.getInstance() : parse(text);
            return new Answer(response.statusCode(), json, response.headers().firstValue("ETag").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + url(service, path), e);
        }
    }

    /**
     * A connection that fails, the gateway's rate limit (429, after its Retry-After) and its open circuit breaker
     * (503) are waited out a few times: a busy or restarting service is not a broken load.
     */
    private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        IOException refused = null;
        HttpResponse<String> response = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 && response.statusCode() != 503) {
                    return response;
                }
                Thread.sleep(1000L * Math.max(retryAfterSeconds(response), attempt));
            } catch (HttpTimeoutException e) {
                // The service may have acted on it: sending it again could post a demand twice.
                throw new IllegalStateException("No answer within 30 s from " + request.uri(), e);
            } catch (IOException e) {
                refused = e;
                Thread.sleep(1000L * attempt);
            }
        }
        if (response != null) {
            return response;
        }
        throw new IllegalStateException("Cannot reach " + request.uri() + ": is the devstack up?", refused);
    }

    /** Retry-After in seconds; the HTTP-date form, which the gateway does not send, counts as one second. */
    private static long retryAfterSeconds(HttpResponse<String> response) {
        String value = response.headers().firstValue("Retry-After").orElse("1");
        return value.matches("\\d{1,4}") ? Long.parseLong(value) : 1;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }
}
