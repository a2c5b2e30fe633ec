package cn.innovationchina.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person of the demo world, logged in through the gateway's development login, calling the platform's APIs
 * through the gateway as the console does.
 */
final class User {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, JsonNode body, String etag, String location) {

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    private final String gateway;
    final String token;

    private User(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** Logs in as one of the development login's demo users (GET /dev/users lists them). */
    static User login(Platform platform, String demoUser) {
        var request = HttpRequest.newBuilder(URI.create(platform.gateway() + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(demoUser, StandardCharsets.UTF_8)))
                .build();
        var answer = send(request);
        if (answer.status() != 200) {
            throw new AssertionError("Login as " + demoUser + " failed: " + answer.status() + " " + answer.body());
        }
        return new User(platform.gateway(), answer.body().get("access_token").asString());
    }

    /** Acts with a token made outside the development login ({@link Platform#tokens()}, Keycloak). */
    static User withToken(Platform platform, String token) {
        return new User(platform.gateway(), token);
    }

    /** Acts with a token at another address than the gateway's: a service itself ({@link Platform#service}). */
    static User at(String address, String token) {
        return new User(address, token);
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    /** {@code body}: JSON text, or an object written as JSON, or null for none. */
    Answer post(String path, Object body, String ifMatch) {
        return send(withIfMatch(request(path), ifMatch).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    Answer put(String path, Object body, String ifMatch) {
        return send(withIfMatch(request(path), ifMatch).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    private static String json(Object body) {
        if (body == null) {
            return "";
        }
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    /** Opens a server-sent event stream and collects its lines until closed. */
    LiveStream openStream(String path) {
        var lines = new CopyOnWriteArrayList<String>();
        var request = request(path).header("Accept", "text/event-stream").GET().build();
        var response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(response.join().body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The stream ends when the test closes it.
            }
        }, "live-stream");
        reader.setDaemon(true);
        reader.start();
        return new LiveStream(lines, response);
    }

    /** The lines a stream sent so far: comments (the heartbeat the service sends at once), ids, data. */
    record LiveStream(List<String> lines, CompletableFuture<HttpResponse<InputStream>> response)
            implements AutoCloseable {

        boolean opened() {
            return !lines.isEmpty();
        }

        boolean sent(String text) {
            return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(text));
        }

        @Override
        public void close() {
            response.thenAccept(r -> {
                try {
                    r.body().close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder withIfMatch(HttpRequest.Builder request, String ifMatch) {
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    private static Answer send(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), body, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
