package cn.innovationchina.notification.scenarios;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver in the test JVM: a real HTTP server on a free port of 127.0.0.1, which records every call.
 * A flaky one refuses the first call of each message with 503 and accepts the next, so half its calls fail; a
 * redirecting one answers every call with 307 and a Location; a hanging one answers nothing until closed.
 */
final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final boolean flaky;
    private final String redirectTo;
    private final CountDownLatch answering;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();

    private Receiver(boolean flaky, String redirectTo, boolean hanging) {
        this.flaky = flaky;
        this.redirectTo = redirectTo;
        this.answering = new CountDownLatch(hanging ? 1 : 0);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    static Receiver accepting() {
        return new Receiver(false, "", false);
    }

    static Receiver failingHalfItsCalls() {
        return new Receiver(true, "", false);
    }

    /** Takes calls but does not answer them until it is closed, as a receiver that hangs. */
    static Receiver hanging() {
        return new Receiver(false, "", true);
    }

    /** Answers every call with a redirect to the given URL, as a receiver taken over by an attacker might. */
    static Receiver redirectingTo(String location) {
        return new Receiver(false, location, false);
    }

    /** The receiver's URL by a name the test configuration allows, as a devstack would register it. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hooks";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls it answered 2xx, that is the messages it took. */
    List<Call> accepted() {
        return calls.stream().filter(Call::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("X-Notification-Id");
        boolean accept = redirectTo.isEmpty() && (!flaky || !refusedOnce.add(id));
        Call call = new Call(id, exchange.getRequestHeaders().getFirst("X-Notification-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Notification-Signature"),
                new String(body, StandardCharsets.UTF_8), accept);
        calls.add(call);
        try {
            answering.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!redirectTo.isEmpty()) {
            exchange.getResponseHeaders().add("Location", redirectTo);
        }
        exchange.sendResponseHeaders(accept ? 204 : redirectTo.isEmpty() ? 503 : 307, -1);
        exchange.close();
    }

    @Override
    public void close() {
        answering.countDown();
        server.stop(0);
    }

    record Call(String id, String timestamp, String signature, String body, boolean accepted) {
    }
}
