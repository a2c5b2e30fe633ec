package cn.innovationchina.load;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enterprises' live notification streams (Server-Sent Events), held open for the whole load as the console holds
 * them. Each MATCHES_PROPOSED entry names its demand in its text; the stream notes when the entry was written and
 * when it arrived here. A stream that ends is opened again, resuming after the last entry it saw.
 */
public final class InboxStreams implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Observations observations;
    private final List<Thread> readers = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running = true;

    public InboxStreams(HttpClient http, Observations observations) {
        this.http = http;
        this.observations = observations;
    }

    /**
     * Opens the user's stream through the gateway, as the console does; whichever notification instance it reaches
     * carries every entry (ADR 0030).
     */
    public void open(String gateway, String token) {
        String url = gateway + "/api/notification/notifications/stream";
        Thread reader = new Thread(() -> follow(url, token), "inbox-stream-" + readers.size());
        reader.setDaemon(true);
        readers.add(reader);
        reader.start();
    }

    /** Waits until every stream is connected. */
    public void awaitOpen(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (open.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (open.get() < expected) {
            throw new IllegalStateException("Only " + open.get() + " of " + expected + " live streams opened");
        }
    }

    private void follow(String url, String token) {
        String lastEventId = null;
        while (running) {
            var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<InputStream> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    Thread.sleep(1000);
                    continue;
                }
                open.incrementAndGet();
                try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while (running && (line = lines.readLine()) != null) {
                        if (line.startsWith("id:")) {
                            lastEventId = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            note(line.substring(5), System.nanoTime());
                        }
                    }
                } finally {
                    open.decrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                sleepQuietly();
            }
        }
    }

    private void note(String data, long arrived) {
        JsonNode entry = JSON.readTree(data);
        if (!"MATCHES_PROPOSED".equals(entry.path("type").asString())) {
            return;
        }
        // The text names the demand by its title; the entry says which demand it is about.
        String demand = entry.path("demandId").asString(null);
        if (demand != null) {
            observations.delivered.putIfAbsent(demand,
                    new Observations.Delivered(createdAt(entry.path("createdAt")), arrived));
        }
    }

    /** ISO-8601, or epoch seconds with a fraction where a service writes dates as numbers. */
    private static Instant createdAt(JsonNode value) {
        if (value.isNumber()) {
            double seconds = value.asDouble();
            return Instant.ofEpochSecond((long) seconds, (long) ((seconds % 1) * 1e9));
        }
        return Instant.parse(value.asString());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        readers.forEach(Thread::interrupt);
    }
}
