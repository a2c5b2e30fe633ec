package cn.innovationchina.notification.scenarios;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.Eventually;

/** Someone reading their inbox with a token of their role. */
final class Reader {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http;
    private final String token;

    Reader(WebTestClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Waits until the instance reads the live announcements: its readiness says so (ADR 0030). */
    static void awaitLiveAnnouncements(WebTestClient instance) {
        Eventually.awaitState("the instance ready for live connections", () -> instance.get()
                .uri("/actuator/health/readiness").exchange().returnResult(Void.class).getStatus().value(),
                status -> status == 200);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> inbox() {
        return (List<Map<String, Object>>) get("/notifications?size=50").get("items");
    }

    /** Waits until the inbox holds an entry whose type, title or body contains the text, and returns it. */
    Map<String, Object> awaitEntry(String text) {
        return Eventually.awaitState("an inbox entry with " + text, () -> entriesWith(text), list -> !list.isEmpty())
                .get(0);
    }

    List<Map<String, Object>> entriesWith(String text) {
        return inbox().stream().filter(e -> String.valueOf(e.get("type")).equals(text)
                || String.valueOf(e.get("title")).contains(text)
                || String.valueOf(e.get("body")).contains(text)).toList();
    }

    long unread() {
        return ((Number) get("/notifications/unread-count").get("unread")).longValue();
    }

    HttpStatusCode marksRead(Object id) {
        return http.post().uri("/notifications/{id}/read", id).headers(h -> h.setBearerAuth(token)).exchange()
                .returnResult(Void.class).getStatus();
    }

    HttpStatusCode marksAllRead() {
        return http.post().uri("/notifications/read-all").headers(h -> h.setBearerAuth(token)).exchange()
                .returnResult(Void.class).getStatus();
    }

    HttpStatusCode choosesLanguage(String language) {
        return http.put().uri("/notifications/preferences").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("language", language)).exchange().returnResult(Void.class).getStatus();
    }

    HttpStatusCode mutesEmailFor(String type) {
        return http.put().uri("/notifications/preferences").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("emailMuted", List.of(type))).exchange().returnResult(Void.class).getStatus();
    }

    HttpStatusCode choosesDigest(String digest) {
        return http.put().uri("/notifications/preferences").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("digest", digest)).exchange().returnResult(Void.class).getStatus();
    }

    HttpStatusCode registersEmail(String address) {
        return http.put().uri("/notifications/email").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("address", address)).exchange().returnResult(Void.class).getStatus();
    }

    HttpStatusCode choosesQuietHours(String start, String end, String zone) {
        return http.put().uri("/notifications/preferences").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("quietHours", Map.of("start", start, "end", end, "zone", zone))).exchange()
                .returnResult(Void.class).getStatus();
    }

    /** Registers a webhook and returns the answer: id, url and the secret, shown this once. */
    Map<String, Object> registersWebhook(String url) {
        return http.post().uri("/notifications/webhooks").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("url", url)).exchange().expectStatus().isCreated().expectBody(JSON).returnResult()
                .getResponseBody();
    }

    /** Tries to register a webhook, with a secret of its own when one is given; returns status and body. */
    WebTestClient.ResponseSpec triesToRegisterWebhook(String url, @Nullable String secret) {
        Map<String, Object> body = secret == null ? Map.of("url", url) : Map.of("url", url, "secret", secret);
        return http.post().uri("/notifications/webhooks").headers(h -> h.setBearerAuth(token)).bodyValue(body)
                .exchange();
    }

    List<Map<String, Object>> webhooks() {
        return http.get().uri("/notifications/webhooks").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    HttpStatusCode removesWebhook(Object id) {
        return http.delete().uri("/notifications/webhooks/{id}", id).headers(h -> h.setBearerAuth(token)).exchange()
                .returnResult(Void.class).getStatus();
    }

    /** Waits until the deliveries on the channel reached a final state (SENT or FAILED), as many as expected. */
    List<Map<String, Object>> awaitFinished(String channel, int count) {
        return Eventually.awaitState(count + " finished " + channel + " deliveries",
                () -> deliveries().stream().filter(d -> channel.equals(d.get("channel"))
                        && !"PENDING".equals(d.get("state"))).toList(),
                list -> list.size() >= count);
    }

    List<Map<String, Object>> deliveries() {
        return http.get().uri("/notifications/deliveries").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    HttpStatusCode status(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().returnResult(Void.class)
                .getStatus();
    }

    private Map<String, Object> get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }
}
