package cn.innovationchina.gateway.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.platform.security.PlatformAuthentication;
import cn.innovationchina.platform.security.PlatformTokenConverter;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;
import cn.innovationchina.testkit.Tokens;

/** The devstack's gateway: the dev profile, signing with a key file as the devstack's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
@AutoConfigureWebTestClient(timeout = "PT20S")
class DevelopmentIssuerTest {

    private static final Path KEYS = temporaryFolder();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        Platform.register(registry);
        registry.add("gateway.dev-issuer.signing-key", () -> KEYS.resolve("dev-signing.pem").toString());
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void the_login_page_lists_demo_users_of_every_role() {
        String page = http.get().uri("/dev/login").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("企业 Enterprise", "专家与机构", "城市管理员 City administrator", "平台管理员 Platform administrator",
                "data-user=\"ent-xianning-hydrogen\"", "ORG-XN-001", "data-user=\"exp-zhang-wei\"", "PRV-0001",
                "data-user=\"admin-xianning\"", "data-user=\"platform-admin\"");
    }

    @Test
    void the_login_page_says_what_each_demo_user_can_try_in_the_demo_world() {
        String page = loginPage("");

        for (String user : new String[] {"ent-xianning-hydrogen", "ent-wuhan-photonics", "exp-zhang-wei", "soc-cic",
                "admin-xianning", "admin-wuhan", "platform-admin"}) {
            assertThat(page).as(user).containsPattern("data-user=\"" + user + "\">[^<]*</button> <small>[^<]*</small>"
                    + "<p class=\"try\">[^<]+</p>");
        }
        assertThat(page).contains("contracted with Prof. Zhang Wei", "--empty");
    }

    @Test
    void the_login_returns_only_to_a_path_of_the_console_never_to_another_host() {
        // As an attacker's link carries them, percent-encoded in the query.
        for (String hostile : new String[] {"/%5Cevil.example", "%2F%5Cevil.example", "//evil.example",
                "/%2F%2Fevil.example", "%2F%2Fevil.example", "https://evil.example/", "javascript:alert(1)",
                "/%09/evil.example", "/.//evil.example", "%5Cevil.example", "/%2e%2e/%2e%2e/evil", "evil.example"}) {
            assertThat(loginPage("?redirect=" + hostile)).as(hostile).contains("data-redirect=\"/\"");
        }
        assertThat(loginPage("?redirect=/")).contains("data-redirect=\"/\"");
        assertThat(loginPage("?redirect=/index.html")).contains("data-redirect=\"/index.html\"");
        assertThat(loginPage("")).contains("data-redirect=\"/\"");
    }

    @Test
    void the_login_echoes_the_consoles_one_time_state_and_nothing_else() {
        String state = "Vx3_kP9-aQ2mZ7nR4tY8wE1uI6oL5sD0";
        assertThat(loginPage("?redirect=/&state=" + state)).contains("data-state=\"" + state + "\"");
        assertThat(loginPage("?redirect=/&state=%22%3E%3Cscript%3E")).contains("data-state=\"\"")
                .doesNotContain("\"><script>");
    }

    @Test
    void the_login_page_runs_no_inline_script_and_is_framed_by_nobody() {
        String page = http.get().uri("/dev/login").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style");
        http.get().uri("/dev/login.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
    }

    @Test
    void a_token_signed_with_the_development_key_but_without_an_expiry_is_refused() {
        String forever = Tokens.signedWith(KEYS.resolve("dev-signing.pem")).withoutExpiry()
                .enterprise("ORG-XN-001", "XIANNING");
        http.get().uri("/api/demand/demands").headers(h -> h.setBearerAuth(forever)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void a_token_from_the_login_is_accepted_by_the_gateway_and_by_a_service_trusting_the_devstack_key() {
        String token = login("ent-xianning-hydrogen");

        http.get().uri("/api/demand/demands").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        assertThat(Platform.service("demand").last().header("Authorization")).isEqualTo("Bearer " + token);

        // A service of the devstack: public-key-location = the key file's public half, the platform's claims.
        PlatformUser user = platformUser(servicesDecoder(KEYS.resolve("dev-signing.pub.pem")), token);
        assertThat(user).isEqualTo(new PlatformUser("ent-xianning-hydrogen", Role.ENTERPRISE, "ORG-XN-001", null,
                "XIANNING"));
    }

    @Test
    void a_service_configured_with_the_issuers_key_set_accepts_its_tokens_too() {
        String token = login("admin-xianning");
        var decoder = NimbusReactiveJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json")
                .build();
        assertThat(platformUser(decoder, token)).isEqualTo(new PlatformUser("admin-xianning", Role.CITY_ADMIN, null,
                null, "XIANNING"));
    }

    @Test
    void the_administrator_of_a_pilot_city_designated_a_minute_ago_signs_in_as_that_citys_administrator() {
        var demandService = Platform.service("demand");
        demandService.answers("/pilot-cities", """
                {"cities": [{"code": "XIANNING", "nameZh": "咸宁", "nameEn": "Xianning", "administrators": []},
                            {"code": "CHANGSHA", "nameZh": "长沙", "nameEn": "Changsha", "batch": 2,
                             "administrators": ["changsha-admin"]}]}
                """);

        String page = http.get().uri("/dev/login").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String token = login("changsha-admin");

        assertThat(page).contains("data-user=\"changsha-admin\"", "长沙管理员 Changsha administrator");
        PlatformUser user = platformUser(servicesDecoder(KEYS.resolve("dev-signing.pub.pem")), token);
        assertThat(user).isEqualTo(new PlatformUser("changsha-admin", Role.CITY_ADMIN, null, null, "CHANGSHA"));
        // The issuer read the list as a platform administrator, with a token the services trust.
        String asked = demandService.received().stream().filter(call -> call.path().equals("/pilot-cities"))
                .reduce((first, last) -> last).orElseThrow().header("Authorization");
        assertThat(platformUser(servicesDecoder(KEYS.resolve("dev-signing.pub.pem")), asked.substring(7)).role())
                .isEqualTo(Role.PLATFORM_ADMIN);
    }

    @Test
    void the_console_is_told_to_log_in_at_the_development_login_page() {
        http.get().uri("/auth/config").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).isEqualTo(Map.of("kind", "dev", "url", "/dev/login"));
    }

    @Test
    void a_user_who_is_not_a_demo_user_gets_no_token() {
        http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("user", "mallory"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("user");
    }

    /** Sent as written: WebTestClient would encode the query again. */
    private String loginPage(String query) {
        try {
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/dev/login" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(query).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String login(String user) {
        Map<String, Object> answer = http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("user", user))
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(answer).containsEntry("token_type", "Bearer").containsEntry("expires_in", 28800);
        return (String) answer.get("access_token");
    }

    private static ReactiveJwtDecoder servicesDecoder(Path publicKeyPem) {
        try (InputStream pem = Files.newInputStream(publicKeyPem)) {
            return NimbusReactiveJwtDecoder.withPublicKey(RsaKeyConverters.x509().convert(pem)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PlatformUser platformUser(ReactiveJwtDecoder decoder, String token) {
        return decoder.decode(token).flatMap(new PlatformTokenConverter()::convert)
                .map(authentication -> ((PlatformAuthentication) authentication).getPrincipal())
                .block();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("dev-issuer-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
