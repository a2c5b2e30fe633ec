package cn.innovationchina.gateway.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import cn.innovationchina.events.EventJson;
import cn.innovationchina.gateway.application.DevIssuerProperties;
import cn.innovationchina.gateway.application.DevTokenIssuer;
import cn.innovationchina.gateway.domain.DemoUser;
import cn.innovationchina.platform.security.Role;

/**
 * The gateway as docker-compose runs it: no dev profile, the identity provider's keys read from its JWKS address,
 * and every token must name its issuer (Keycloak's outside address), as the services are configured there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT20S")
class IdentityProviderTrustTest {

    private static final String ISSUER = "http://localhost:8180/realms/innovation-china";
    private static final Path KEY = temporaryFolder().resolve("idp.pem");
    private static final DemoUser EXPERT = new DemoUser("exp-zhang-wei", "Zhang Wei", Role.EXPERT, null, "PRV-0001",
            "WUHAN");
    private static final DevTokenIssuer IDENTITY_PROVIDER = issuer(ISSUER);
    private static final HttpServer KEY_SET = serve(IDENTITY_PROVIDER);

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Platform.SERVICES.forEach((name, fake) -> registry.add(name.toUpperCase() + "_SERVICE_URL", fake::url));
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + KEY_SET.getAddress().getPort() + "/certs");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    @Autowired
    WebTestClient http;

    @Test
    void a_token_of_the_identity_provider_is_accepted() {
        String token = IDENTITY_PROVIDER.mint(EXPERT);
        http.get().uri("/api/matching/invitations").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_token_signed_with_its_key_but_naming_another_issuer_is_refused() {
        String token = issuer("http://localhost:8180/realms/elsewhere").mint(EXPERT);
        http.get().uri("/api/matching/invitations").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void the_console_is_told_to_log_in_at_the_identity_provider() {
        http.get().uri("/auth/config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("oidc")
                .jsonPath("$.issuer").isEqualTo(ISSUER)
                .jsonPath("$.clientId").isEqualTo("innovation-china-console");
    }

    private static DevTokenIssuer issuer(String name) {
        return new DevTokenIssuer(new DevIssuerProperties(KEY, name, Duration.ofMinutes(5), List.of(EXPERT),
                URI.create(FakeService.nowhere() + "/pilot-cities")), Clock.systemUTC());
    }

    private static HttpServer serve(DevTokenIssuer issuer) {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] keys = EventJson.mapper().writeValueAsString(issuer.jwks()).getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("identity-provider-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
