package cn.innovationchina.gateway.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.Tokens;

/** The demand service is down, the matching service slow to answer (1 s allowed here); the others are up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=2",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s",
        "gateway.response-timeout.matching-service=1000"})
@AutoConfigureWebTestClient(timeout = "PT20S")
class ServiceDownTest {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Platform.register(registry);
        registry.add("DEMAND_SERVICE_URL", FakeService::nowhere);
    }

    @Autowired
    WebTestClient http;

    private final String token = Tokens.forTests().cityAdmin("XIANNING");

    @Test
    void a_service_that_is_down_is_a_503_problem_naming_it_then_its_circuit_opens_and_the_others_still_answer() {
        for (int i = 0; i < 2; i++) {
            http.get().uri("/api/demand/demands?status=SUBMITTED").headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.service").isEqualTo("demand-service")
                    .jsonPath("$.reason").isEqualTo("unreachable")
                    .jsonPath("$.detail").isEqualTo("demand-service is unavailable: it could not be reached; try again shortly")
                    .jsonPath("$.instance").isEqualTo("/api/demand/demands");
        }
        // Two failures out of two: the circuit is open, the gateway answers at once without trying.
        http.get().uri("/api/demand/demands?status=SUBMITTED").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "60")
                .expectBody()
                .jsonPath("$.service").isEqualTo("demand-service")
                .jsonPath("$.reason").isEqualTo("circuit-open");

        assertThat(Platform.breakerState(http, "demand-service")).isEqualTo("open");

        http.get().uri("/api/monitoring/cities/XIANNING/report").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).isEqualTo(Map.of("service", "monitoring-service",
                        "path", "/cities/XIANNING/report"));
    }

    @Test
    void a_service_that_does_not_answer_in_time_is_a_504_problem_naming_it() {
        http.get().uri("/api/matching/slow").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("matching-service")
                .jsonPath("$.reason").isEqualTo("timeout")
                .jsonPath("$.detail").isEqualTo("matching-service did not answer in time; try again shortly");
    }
}
