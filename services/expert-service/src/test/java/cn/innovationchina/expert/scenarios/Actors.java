package cn.innovationchina.expert.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import cn.innovationchina.testkit.Tokens;

/** The people in the scenarios, each calling the running service with its own token. */
final class Actors {

    private static final Tokens tokens = Tokens.forTests();

    private final WebTestClient http;

    Actors(WebTestClient http) {
        this.http = http;
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** An expert with a provider id of its own and no profile yet. */
    Expert anExpert() {
        String id = newId("PRV");
        return new Expert(id, tokens.expert(id, "WUHAN"));
    }

    /** An expert whose profile is already registered. */
    Expert aRegisteredExpert() {
        Expert expert = anExpert();
        expert.registers(Profiles.hydrogenExpert());
        return expert;
    }

    /** A registered scientific society, acting through its own provider account, that a platform admin verified. */
    Expert aSociety() {
        Expert society = anUnverifiedSociety();
        platformAdmin().verifies(society.id).expectStatus().isOk();
        return society;
    }

    /** A society as it registers itself: nobody has vouched for it yet. */
    Expert anUnverifiedSociety() {
        String id = newId("SOC");
        Expert society = new Expert(id, tokens.expert(id, "XIANNING"));
        society.registers(Profiles.society());
        return society;
    }

    Caller platformAdmin() {
        return new Caller(tokens.platformAdmin());
    }

    Caller cityAdmin(String city) {
        return new Caller(tokens.cityAdmin(city));
    }

    Caller enterprise() {
        return enterprise(newId("ORG"));
    }

    Caller enterprise(String organisationId) {
        return new Caller(tokens.enterprise(organisationId, "XIANNING"));
    }

    class Caller {

        final String token;

        Caller(String token) {
            this.token = token;
        }

        /** {@code uriVariables} fill the URI's {placeholders}, percent-encoded as a client encodes them. */
        ResponseSpec get(String uri, Object... uriVariables) {
            return http.get().uri(uri, uriVariables).headers(h -> h.setBearerAuth(token)).exchange();
        }

        ResponseSpec put(String uri, Object body, @Nullable String ifMatch) {
            return http.put().uri(uri).headers(h -> headers(h, ifMatch)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange();
        }

        ResponseSpec post(String uri, @Nullable Object body, @Nullable String ifMatch) {
            var request = http.post().uri(uri).headers(h -> headers(h, ifMatch));
            return body == null ? request.exchange()
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }

        ResponseSpec upload(String contentType, String content) {
            return http.post().uri("/providers/imports").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.parseMediaType(contentType)).bodyValue(content.getBytes(StandardCharsets.UTF_8))
                    .exchange();
        }

        /** The provider's ETag as this caller reads it now, or null when there is no such provider. */
        @Nullable String etagOf(String providerId) {
            var read = get("/providers/" + providerId).returnResult(Void.class);
            return read.getStatus().is2xxSuccessful() ? read.getResponseHeaders().getETag() : null;
        }

        /** Verifies the provider as just read. */
        ResponseSpec verifies(String providerId) {
            return post("/providers/" + providerId + "/verification", null, etagOf(providerId));
        }

        private void headers(HttpHeaders headers, @Nullable String ifMatch) {
            headers.setBearerAuth(token);
            if (ifMatch != null) {
                headers.setIfMatch(ifMatch);
            }
        }
    }

    final class Expert extends Caller {

        final String id;

        Expert(String id, String token) {
            super(token);
            this.id = id;
        }

        /** Registers or revises its profile as just read; returns the new ETag. */
        String registers(Map<String, Object> profile) {
            return put("/providers/" + id, profile, etag()).expectStatus().is2xxSuccessful()
                    .returnResult(Void.class).getResponseHeaders().getETag();
        }

        @Nullable String etag() {
            return etagOf(id);
        }

        ResponseSpec saves(Map<String, Object> profile, @Nullable String ifMatch) {
            return put("/providers/" + id, profile, ifMatch);
        }

        ResponseSpec changesAvailability(String availability, @Nullable String until) {
            Map<String, Object> body = until == null ? Map.of("availability", availability)
                    : Map.of("availability", availability, "until", until);
            return put("/providers/" + id + "/availability", body, etag());
        }

        ResponseSpec deactivates(String reason) {
            return post("/providers/" + id + "/deactivation", Map.of("reason", reason), etag());
        }

        ResponseSpec readsOwnProfile() {
            return get("/providers/" + id);
        }
    }
}
