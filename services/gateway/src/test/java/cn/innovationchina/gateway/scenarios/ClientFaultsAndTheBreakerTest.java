package cn.innovationchina.gateway.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.Tokens;

/**
 * A caller's fault never counts against a service: the breaker of each service opens after 2 failures of 2 here,
 * yet oversized uploads, uploads too slow to arrive (notification-service is given 1 s to answer here) and 4xx
 * answers leave it closed for everyone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=2",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s",
        "gateway.response-timeout.notification-service=1000"})
@AutoConfigureWebTestClient(timeout = "PT30S")
class ClientFaultsAndTheBreakerTest {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Platform.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Test
    void ten_oversized_chunked_uploads_are_each_a_413_and_the_demand_api_stays_open_for_everyone() {
        for (int i = 0; i < 10; i++) {
            http.post().uri("/api/demand/demands").headers(h -> h.setBearerAuth(token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Uploads.fiveMegabytesInChunks(), DataBuffer.class)
                    .exchange()
                    .expectStatus().isEqualTo(413)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("The request body is larger than 256 KB");
        }
        http.get().uri("/api/demand/demands").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).isEqualTo(Map.of("service", "demand-service", "path", "/demands"));
    }

    @Test
    void uploads_still_arriving_when_the_service_is_due_to_answer_are_each_a_408_and_its_breaker_stays_closed() {
        for (int i = 0; i < 3; i++) {
            http.post().uri("/api/notification/webhooks").headers(h -> h.setBearerAuth(token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Uploads.chunks(6, 1024).delayElements(Duration.ofMillis(400)), DataBuffer.class)
                    .exchange()
                    .expectStatus().isEqualTo(408)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.service").isEqualTo("notification-service")
                    .jsonPath("$.reason").isEqualTo("body-too-slow");
        }
        http.get().uri("/api/notification/notifications").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_chunked_upload_within_the_limit_reaches_the_service_whole() {
        http.post().uri("/api/expert/providers").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Uploads.chunks(4, 60 * 1024), DataBuffer.class)
                .exchange()
                .expectStatus().isCreated();
        assertThat(Platform.service("expert").last().bodyBytes()).isEqualTo(4 * 60 * 1024);
    }

    @Test
    void answers_of_4xx_from_a_service_never_open_its_breaker() {
        for (int status : new int[] {400, 404, 409, 412, 422, 429, 400, 404}) {
            http.get().uri("/api/matching/status/" + status).headers(h -> h.setBearerAuth(token()))
                    .exchange()
                    .expectStatus().isEqualTo(status);
        }
        http.get().uri("/api/matching/invitations").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_service_answering_5xx_is_failing_and_its_breaker_opens() {
        for (int i = 0; i < 2; i++) {
            http.get().uri("/api/monitoring/status/500").headers(h -> h.setBearerAuth(token()))
                    .exchange()
                    .expectStatus().isEqualTo(500);
        }
        http.get().uri("/api/monitoring/cities/XIANNING/report").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.reason").isEqualTo("circuit-open")
                .jsonPath("$.service").isEqualTo("monitoring-service");
    }

    /** A fresh client each time, so no rate limit is reached. */
    private static String token() {
        return Tokens.forTests().mint("ENTERPRISE", "user-" + UUID.randomUUID(),
                Map.of("organisationId", "ORG-XN-001", "cityCode", "XIANNING"));
    }
}
