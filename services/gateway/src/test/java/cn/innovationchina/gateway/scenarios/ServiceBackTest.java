package cn.innovationchina.gateway.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service that failed and came back is called again: its circuit opens after 2 failures of 2 here, pauses 1 s,
 * then lets 3 trial calls through. Trial calls that tell nothing about the service (a caller who breaks off, an
 * upload over the limit) give their turn back, so the calls that do reach it close the circuit; trial calls that
 * have not ended after 3 s open it again, so it is tried with fresh calls rather than refused until they end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=2",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.configs.default.max-wait-duration-in-half-open-state=3s"})
@AutoConfigureWebTestClient(timeout = "PT20S")
class ServiceBackTest {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Platform.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Test
    void after_its_pause_the_circuit_of_a_service_that_answers_again_closes_whatever_the_trial_calls_were() {
        failUntilTheCircuitOpens();
        get("/api/monitoring/cities").expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.reason").isEqualTo("circuit-open");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> Platform.breakerState(http, "monitoring-service").equals("half_open"));
        // A caller who gives up while the service is still working on the answer (it takes 3 s on /slow).
        WebTestClient impatient = http.mutate().responseTimeout(Duration.ofMillis(300)).build();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> impatient.get().uri("/api/monitoring/slow")
                    .headers(h -> h.setBearerAuth(Platform.freshCityAdminToken())).exchange())
                    .hasMessageContaining("Timeout");
        }
        // Uploads over the limit, refused with 413 whatever the service would have said.
        for (int i = 0; i < 3; i++) {
            http.post().uri("/api/monitoring/uploads").headers(h -> h.setBearerAuth(Platform.freshCityAdminToken()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Uploads.fiveMegabytesInChunks(), DataBuffer.class)
                    .exchange()
                    .expectStatus().isEqualTo(413);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                get("/api/monitoring/cities").expectStatus().isOk());
        for (int i = 0; i < 3; i++) {
            get("/api/monitoring/cities").expectStatus().isOk()
                    .expectBody(Map.class).isEqualTo(Map.of("service", "monitoring-service", "path", "/cities"));
        }
        assertThat(Platform.breakerState(http, "monitoring-service")).isEqualTo("closed");
    }

    @Test
    void a_service_whose_trial_calls_hang_is_tried_again_with_fresh_calls() {
        failUntilTheCircuitOpens();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Platform.breakerState(http, "monitoring-service").equals("half_open"));

        FakeService monitoring = Platform.service("monitoring");
        long hangingBefore = hangingCalls(monitoring);
        var hanging = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.runAsync(() ->
                get("/api/monitoring/hang").expectStatus().isOk())).toList();
        await().atMost(Duration.ofSeconds(5)).until(() -> hangingCalls(monitoring) == hangingBefore + 3);
        get("/api/monitoring/cities").expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.reason").isEqualTo("circuit-open");

        await().atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                get("/api/monitoring/cities").expectStatus().isOk());
        assertThat(hanging).noneMatch(CompletableFuture::isDone);
        hanging.forEach(CompletableFuture::join);
    }

    private static long hangingCalls(FakeService service) {
        return service.received().stream().filter(call -> call.path().equals("/hang")).count();
    }

    /** Whatever the circuit's recent calls were, failures until it opens (one or two, at 2 of 2 here). */
    private void failUntilTheCircuitOpens() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            get("/api/monitoring/status/500").expectStatus().value(status -> assertThat(status).isIn(500, 503));
            return Platform.breakerState(http, "monitoring-service").equals("open");
        });
    }

    private WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(Platform.freshCityAdminToken())).exchange();
    }
}
