package cn.innovationchina.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The platform's Keycloak over its own protocol, beside the browser: the token endpoint of a realm (a password grant
 * with the console's public client, a refresh), and its admin API with the master realm's administrator, to import a
 * realm or change a setting of one.
 */
final class Keycloak {

    static final String REALM = "innovation-china";
    static final String CLIENT = "innovation-china-console";
    /** The password of every user of the realm's import ({@code infra/keycloak}). */
    static final String PASSWORD = "demo";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body) {
    }

    private final String url;

    Keycloak(Platform platform) {
        this.url = platform.keycloak();
    }

    /** The issuer a token of the realm names. */
    String issuer(String realm) {
        return url + "/realms/" + realm;
    }

    Answer passwordGrant(String realm, String username, String password) {
        return post(issuer(realm) + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", CLIENT, "username", username, "password", password, "scope", "openid"));
    }

    Answer refresh(String refreshToken) {
        return post(issuer(REALM) + "/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
                "client_id", CLIENT, "refresh_token", refreshToken));
    }

    /** Adds a realm, as an import at start-up would (the admin API takes the same representation). */
    void importRealm(String json) {
        var request = HttpRequest.newBuilder(URI.create(url + "/admin/realms")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        int status = send(request).status();
        if (status != 201 && status != 409) {
            throw new AssertionError("Importing a realm answered " + status);
        }
    }

    /** Sets how long the realm's access tokens live. */
    void accessTokenLifespan(Duration lifespan) {
        var request = HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\": " + lifespan.toSeconds() + "}"))
                .build();
        int status = send(request).status();
        if (status != 204) {
            throw new AssertionError("Changing the token lifespan answered " + status);
        }
    }

    /** The payload of a JWT, decoded (not verified: the platform verifies). */
    static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return User.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private String adminToken() {
        var answer = post(url + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin"));
        if (answer.status() != 200) {
            throw new AssertionError("Keycloak's administrator could not sign in: " + answer);
        }
        return answer.body().get("access_token").asString();
    }

    private static Answer post(String address, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Answer send(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            return new Answer(response.statusCode(),
                    text == null || text.isBlank() ? User.JSON.nullNode() : User.JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
