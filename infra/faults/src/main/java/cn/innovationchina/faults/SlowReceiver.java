package cn.innovationchina.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver that is slow and unreliable on purpose: every call waits before its answer, and either every
 * {@code n}th call or every call is answered 503. It counts the calls each delivery id got, so a verdict can tell
 * whether the retries stayed bounded.
 */
final class SlowReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(64, runnable -> {
        Thread thread = new Thread(runnable, "slow-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration delay;
    private final Map<String, AtomicInteger> callsByDelivery = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile int failEvery = 0;

    private SlowReceiver(Duration delay) throws IOException {
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
        server.createContext("/hook", this::answer);
        server.setExecutor(workers);
        server.start();
    }

    static SlowReceiver start(Duration delay) throws IOException {
        return new SlowReceiver(delay);
    }

    /** The URL to register; localhost, which the fault stack's notification-service is allowed to call. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on every {@code n}th call fails: 2 is half of them, 1 all of them, 0 none. */
    void failEvery(int n) {
        failEvery = n;
    }

    long calls() {
        return calls.get();
    }

    long refused() {
        return refused.get();
    }

    /** The most calls any one delivery got. */
    int mostCallsForOneDelivery() {
        return callsByDelivery.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String delivery = exchange.getRequestHeaders().getFirst("X-Notification-Id");
            callsByDelivery.computeIfAbsent(String.valueOf(delivery), id -> new AtomicInteger()).incrementAndGet();
            long call = calls.incrementAndGet();
            Thread.sleep(delay.toMillis());
            int n = failEvery;
            boolean fails = n > 0 && call % n == 0;
            if (fails) {
                refused.incrementAndGet();
            }
            exchange.sendResponseHeaders(fails ? 503 : 204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
