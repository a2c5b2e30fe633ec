package cn.innovationchina.gateway.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The trial calls of a half-open circuit do not hold everyone else off until they end: monitoring-service's circuit
 * opens after 2 failures of 2 here, pauses 1 s, and gives its 3 trial calls 1 s before it opens again. Three callers
 * whose calls take 8 s take the trials; a caller after them is refused at first, then answered within 5 s, while the
 * three are still waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=2",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.configs.default.max-wait-duration-in-half-open-state=1s"})
@AutoConfigureWebTestClient(timeout = "PT20S")
class TrialCallsThatHangTest {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Platform.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Test
    void a_service_whose_trial_calls_hang_is_tried_again_with_fresh_calls() {
        for (int i = 0; i < 2; i++) {
            get("/api/monitoring/status/500").expectStatus().isEqualTo(500);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Platform.breakerState(http, "monitoring-service").equals("half_open"));

        FakeService monitoring = Platform.service("monitoring");
        long hangingBefore = hangingCalls(monitoring);
        var hanging = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.runAsync(() ->
                get("/api/monitoring/hang").expectStatus().isOk())).toList();
        await().atMost(Duration.ofSeconds(5)).until(() -> hangingCalls(monitoring) == hangingBefore + 3);
        get("/api/monitoring/cities").expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.reason").isEqualTo("circuit-open");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                get("/api/monitoring/cities").expectStatus().isOk());
        assertThat(hanging).noneMatch(CompletableFuture::isDone);
        hanging.forEach(CompletableFuture::join);
    }

    private static long hangingCalls(FakeService service) {
        return service.received().stream().filter(call -> call.path().equals("/hang")).count();
    }

    private WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(Platform.freshCityAdminToken())).exchange();
    }
}
