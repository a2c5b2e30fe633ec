package cn.innovationchina.gateway.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;


/**
 * Limits by the caller's address, before any token is checked: a small budget of failed token checks, one of
 * development tokens (an RSA signature each), and one of requests of any kind. Every test here calls from the same
 * address, so each spends only its own budget, and the one spending the shared budget of all requests runs last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.failed-auth.capacity=3", "gateway.rate-limit.failed-auth.tokens-per-second=0.01",
        "gateway.rate-limit.dev-token.capacity=2", "gateway.rate-limit.dev-token.tokens-per-second=0.01",
        "gateway.rate-limit.by-address.capacity=40", "gateway.rate-limit.by-address.tokens-per-second=0.01"})
@ActiveProfiles("dev")
@AutoConfigureWebTestClient(timeout = "PT20S")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseByAddressTest {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) throws IOException {
        Platform.register(registry);
        Path keys = Files.createTempDirectory("abuse-");
        registry.add("gateway.dev-issuer.signing-key", () -> keys.resolve("dev-signing.pem").toString());
    }

    @Autowired
    WebTestClient http;

    @Test
    @Order(1)
    void calls_failing_the_token_check_are_limited_by_address_and_reach_no_service() {
        int before = Platform.service("demand").received().size();
        for (int i = 0; i < 3; i++) {
            String forged = "not-a-token-" + i;
            http.get().uri("/api/demand/demands").headers(h -> h.setBearerAuth(forged))
                    .exchange()
                    .expectStatus().isUnauthorized();
        }
        http.get().uri("/api/demand/demands").headers(h -> h.setBearerAuth("not-a-token-either"))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        http.get().uri("/api/demand/demands")
                .exchange()
                .expectStatus().isEqualTo(429);
        assertThat(Platform.service("demand").received()).hasSize(before);
    }

    @Test
    @Order(2)
    void development_tokens_are_limited_by_address() {
        for (int i = 0; i < 2; i++) {
            http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("user",
                    "platform-admin"))
                    .exchange()
                    .expectStatus().isOk();
        }
        http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("user",
                "platform-admin"))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    @Test
    @Order(3)
    void a_flood_from_one_address_is_limited_before_any_other_check() {
        int refusedAt = -1;
        for (int i = 0; i < 45 && refusedAt < 0; i++) {
            int status = http.get().uri("/reference/cities").exchange().returnResult(String.class)
                    .getStatus().value();
            if (status == 429) {
                refusedAt = i;
            }
        }
        assertThat(refusedAt).as("the request refused first").isBetween(1, 40);
    }
}
