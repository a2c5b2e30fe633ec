package cn.innovationchina.gateway.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays one platform service on a random port: answers every call with JSON naming itself and the path it was asked
 * for (a POST with 201 and a {@code Location} by its own path), remembers what it received, and on {@code /live}
 * streams two server-sent events, the second only once the test lets it ({@link #releaseSecondEvent()}), so a test
 * can tell a streamed answer from a buffered one; on {@code /slow} answers only after 3 s, on {@code /hang} after 8 s;
 * on {@code /status/NNN} answers NNN. A test may give a path a JSON answer of its own ({@link #answers}). Like a
 * platform service, it stops reading a body past 256 KB and cuts the connection (except on a bulk import path,
 * {@code .../imports}).
 */
final class FakeService {

    /** One call as the service received it. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, int bodyBytes) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private volatile CountDownLatch secondEvent = new CountDownLatch(1);

    private FakeService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    static FakeService start(String name) {
        return new FakeService(name);
    }

    /** An address where nothing listens: a service that is down. */
    static String nowhere() {
        try (var socket = new ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    /** From now on, answers every call of {@code path} with this JSON instead of naming itself. */
    void answers(String path, String json) {
        answers.put(path, json);
    }

    void releaseSecondEvent() {
        secondEvent.countDown();
    }

    private static final int BODY_LIMIT = 256 * 1024;

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean bulk = path.endsWith("/imports");
        int bodyBytes = bulk ? exchange.getRequestBody().readAllBytes().length
                : exchange.getRequestBody().readNBytes(BODY_LIMIT + 1).length;
        if (!bulk && bodyBytes > BODY_LIMIT) {
            exchange.close();
            return;
        }
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), Map.copyOf(exchange.getRequestHeaders()), bodyBytes));
        if (exchange.getRequestURI().getPath().equals("/live")) {
            stream(exchange);
            return;
        }
        if (exchange.getRequestURI().getPath().equals("/slow")) {
            pause(Duration.ofSeconds(3));
        }
        if (path.equals("/hang")) {
            pause(Duration.ofSeconds(8));
        }
        if (path.startsWith("/status/")) {
            exchange.sendResponseHeaders(Integer.parseInt(path.substring("/status/".length())), -1);
            exchange.close();
            return;
        }
        byte[] body = answers.getOrDefault(path, "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // Like a platform service: the correlation id answered back, what a POST created named by its own path.
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
        }
        boolean created = exchange.getRequestMethod().equals("POST");
        if (created) {
            exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getPath() + "/new-1");
        }
        exchange.sendResponseHeaders(created ? 201 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("id: 1\nevent: notification\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            secondEvent.await(30, TimeUnit.SECONDS);
            out.write("id: 2\nevent: notification\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            secondEvent = new CountDownLatch(1);
        }
    }
}
