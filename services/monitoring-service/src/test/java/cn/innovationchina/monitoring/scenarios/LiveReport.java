package cn.innovationchina.monitoring.scenarios;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.Eventually;
import reactor.core.Disposable;

/** A city administrator's live report held open at one instance, keeping every report it pushes. */
final class LiveReport implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Queue<String> reports = new ConcurrentLinkedQueue<>();
    private final Disposable connection;

    /** Opens the report of {@code city} over {@code range} (the query parameters) and waits for the first one. */
    LiveReport(WebTestClient instance, String city, String range, String token) {
        connection = instance.mutate().responseTimeout(PATIENCE).build().get()
                .uri("/cities/" + city + "/report/live?" + range).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody().subscribe(reports::add);
        Eventually.awaitState("the first report", reports::size, count -> count > 0);
    }

    /** Waits for a report showing all these figures (whole numbers, by their names in the report). */
    void awaitFigures(Map<String, Integer> figures) {
        Eventually.awaitState(figures + " in the live report", () -> reports.stream()
                .anyMatch(report -> figures.entrySet().stream()
                        .allMatch(figure -> report.contains("\"" + figure.getKey() + "\":" + figure.getValue()))),
                Boolean::booleanValue);
    }

    @Override
    public void close() {
        connection.dispose();
    }
}
