package cn.innovationchina.gateway.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.Tokens;
import reactor.test.StepVerifier;

/** A console user's calls through the gateway, with the five services played by fakes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.capacity=8", "gateway.rate-limit.tokens-per-second=0.02",
        "gateway.response-timeout.notification-service=1000"})
@AutoConfigureWebTestClient(timeout = "PT20S")
class ApiThroughTheGatewayTest {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Platform.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Test
    void each_service_answers_at_api_slash_its_name_with_its_own_paths() {
        Map<String, String> calls = Map.of("demand", "/demands/D-1", "expert", "/providers/PRV-0001",
                "matching", "/demands/D-1/matches", "notification", "/notifications/unread-count",
                "monitoring", "/cities/XIANNING/report");
        calls.forEach((service, path) -> {
            http.get().uri("/api/" + service + path + "?page=0&size=20").headers(h -> h.setBearerAuth(token()))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo(service + "-service");
            var received = Platform.service(service).last();
            assertThat(received.path()).isEqualTo(path);
            assertThat(received.query()).isEqualTo("page=0&size=20");
            assertThat(received.header("Authorization")).as("the service checks the token again").startsWith("Bearer ");
        });
    }

    @Test
    void the_callers_correlation_id_reaches_the_service_and_comes_back() {
        http.post().uri("/api/demand/demands").headers(h -> h.setBearerAuth(token()))
                .header("X-Correlation-Id", "console-7f3a").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().values("X-Correlation-Id", values -> assertThat(values).containsExactly("console-7f3a"));
        assertThat(Platform.service("demand").last().header("X-Correlation-Id")).isEqualTo("console-7f3a");
    }

    @Test
    void what_a_service_created_is_named_by_its_address_through_the_gateway() {
        http.post().uri("/api/matching/demands/D-1/matches/M-1/invite").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/matching/demands/D-1/matches/M-1/invite/new-1");
    }

    @Test
    void a_call_without_a_correlation_id_gets_one_that_the_service_sees_too() {
        String answered = http.get().uri("/api/matching/invitations").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(answered).isNotBlank();
        assertThat(Platform.service("matching").last().header("X-Correlation-Id")).isEqualTo(answered);
    }

    @Test
    void a_call_without_a_token_is_a_401_problem_and_reaches_no_service() {
        int before = Platform.service("demand").received().size();
        http.get().uri("/api/demand/demands")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.correlationId").isNotEmpty();
        assertThat(Platform.service("demand").received()).hasSize(before);
    }

    @Test
    void a_token_signed_with_another_key_is_a_401_problem() {
        String forged = Tokens.signedWith(ForeignKey.privateKeyFile()).enterprise("ORG-XN-001", "XIANNING");
        http.get().uri("/api/demand/demands").headers(h -> h.setBearerAuth(forged))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_token_without_an_expiry_or_naming_another_issuer_is_a_401_problem_and_reaches_no_service() {
        int before = Platform.service("demand").received().size();
        for (String token : new String[] {Tokens.forTests().withoutExpiry().enterprise("ORG-XN-001", "XIANNING"),
                Tokens.forTests().issuedBy("https://elsewhere.example").enterprise("ORG-XN-001", "XIANNING")}) {
            http.get().uri("/api/demand/demands").headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(Platform.service("demand").received()).hasSize(before);
    }

    @Test
    void the_gateways_metrics_endpoint_is_for_platform_administrators_only() {
        http.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isForbidden();
        http.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(Tokens.forTests().platformAdmin()))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void the_console_is_served_with_a_content_security_policy_that_allows_no_inline_script_and_no_framing() {
        for (String page : new String[] {"/", "/index.html", "/js/app.js", "/auth/config"}) {
            http.get().uri(page).exchange()
                    .expectStatus().isOk()
                    .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                            .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                                    "object-src 'none'", "base-uri 'self'")
                            .doesNotContain("unsafe-inline", "unsafe-eval"))
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY");
        }
    }

    @Test
    void the_consoles_pages_carry_no_inline_script_or_style_that_the_policy_would_block() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var pages = resolver.getResources("classpath*:/static/**/*.html");
        assertThat(pages).isNotEmpty();
        for (var page : pages) {
            String html = new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(html).as(page.getURL().toString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContainPattern("\\sstyle\\s*=")
                    .doesNotContain("<style");
        }
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem_and_never_travels_on() {
        int before = Platform.service("expert").received().size();
        http.put().uri("/api/expert/providers/PRV-0001").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[300 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body is larger than 256 KB");
        assertThat(Platform.service("expert").received()).hasSize(before);
    }

    @Test
    void the_bulk_import_path_takes_a_larger_body() {
        http.post().uri("/api/expert/providers/imports").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(new byte[1024 * 1024])
                .exchange()
                .expectStatus().isCreated();
        assertThat(Platform.service("expert").last().bodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void a_client_over_its_rate_gets_a_429_problem_with_retry_after_while_others_are_served() {
        String busy = token();
        for (int i = 0; i < 8; i++) {
            http.get().uri("/api/notification/notifications").headers(h -> h.setBearerAuth(busy))
                    .exchange().expectStatus().isOk();
        }
        http.get().uri("/api/notification/notifications").headers(h -> h.setBearerAuth(busy))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 50L))
                .expectBody().jsonPath("$.status").isEqualTo(429);
        http.get().uri("/api/notification/notifications").headers(h -> h.setBearerAuth(token()))
                .exchange().expectStatus().isOk();
    }

    @Test
    void a_live_stream_arrives_event_by_event_and_outlives_the_response_timeout() {
        var events = http.get().uri("/api/notification/live").headers(h -> h.setBearerAuth(token()))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody();
        // The service holds the second event back until the first has come through the gateway, and the stream
        // stays quiet for longer than the notification service's response timeout (1 s here).
        StepVerifier.create(events)
                .assertNext(event -> assertThat(event.data()).isEqualTo("first"))
                .thenAwait(Duration.ofMillis(1500))
                .then(() -> Platform.service("notification").releaseSecondEvent())
                .assertNext(event -> assertThat(event.data()).isEqualTo("second"))
                .thenCancel()
                .verify(Duration.ofSeconds(15));
    }

    @Test
    void the_console_and_the_reference_data_need_no_token() {
        http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        http.get().uri("/reference/cities").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.cities[?(@.code == 'XIANNING')]").exists();
        http.get().uri("/reference/divisions").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.provinces[?(@.code == '530000')].divisions[?(@.code == '530100')].nameEn")
                .isEqualTo("Kunming");
    }

    @Test
    void without_the_dev_profile_there_is_no_development_issuer() {
        http.get().uri("/dev/login").exchange().expectStatus().isNotFound();
        http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isNotFound();
        http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"user\":\"platform-admin\"}")
                .exchange().expectStatus().isNotFound();
    }

    /** A fresh client each time, so rate limits of one test do not reach into another. */
    private static String token() {
        return Tokens.forTests().mint("ENTERPRISE", "user-" + UUID.randomUUID(),
                Map.of("organisationId", "ORG-XN-001", "cityCode", "XIANNING"));
    }
}
