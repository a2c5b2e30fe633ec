package cn.innovationchina.demand.scenarios;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Someone calling the service with a token of their role: the verbs of the scenarios. */
public class Caller {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http;
    private final String token;

    Caller(WebTestClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** {@code uriVariables} fill the URI's {placeholders}, percent-encoded as a client encodes them. */
    public Reply call(HttpMethod method, String uri, @Nullable Object body, @Nullable String ifMatch,
            Object... uriVariables) {
        var request = http.method(method).uri(uri, uriVariables).headers(headers -> {
            headers.setBearerAuth(token);
            if (ifMatch != null) {
                headers.setIfMatch(ifMatch);
            }
        });
        var sent = body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return new Reply(sent.expectBody(JSON).returnResult());
    }

    public Reply get(String uri) {
        return call(HttpMethod.GET, uri, null, null);
    }

    public Reply reads(DemandRef demand) {
        return get("/demands/" + demand.id());
    }

    public Reply lists(String query) {
        return get("/demands?" + query);
    }

    public Reply searches(String query, Object... values) {
        return call(HttpMethod.GET, "/demands/search?" + query, null, null, values);
    }

    /** A change of the demand, sent with the ETag the test last saw; a success moves that ETag on. */
    Reply changes(DemandRef demand, HttpMethod method, String path, @Nullable Object body) {
        var reply = call(method, "/demands/" + demand.id() + path, body, demand.etag());
        demand.seen(reply);
        return reply;
    }

    public Reply approves(DemandRef demand) {
        return changes(demand, HttpMethod.POST, "/approve", null);
    }

    public Reply rejects(DemandRef demand, String reason) {
        return changes(demand, HttpMethod.POST, "/reject", Map.of("reason", reason));
    }
}
