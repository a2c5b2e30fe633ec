package cn.innovationchina.e2e;

import static cn.innovationchina.e2e.Console.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.innovationchina.e2e.Console.Language;
import tools.jackson.databind.JsonNode;

/**
 * The platform with a real identity provider ({@code devstack up --keycloak}, ADR 0049): Keycloak issues every
 * token, the development issuer is off. In headless Chromium an enterprise, a city administrator and an expert sign
 * in on Keycloak's own login page (code flow with PKCE, the console's), and walk a short journey with the tokens it
 * issued: the enterprise posts a demand, the Xianning administrator approves it, the enterprise sees it published,
 * the expert sees its profile. The console renews its token before it expires, signing out ends the session at
 * Keycloak (its refresh token is refused then), a disabled user is refused by Keycloak, and a token of another realm
 * of the same Keycloak is refused by the gateway and by a service. Screenshots as the console journey's.
 *
 * <p>Runs after the tests of the development issuer: it stops their platform and starts its own. Each step has a
 * time limit, so a hung browser or server fails the test instead of holding the build.
 */
@Order(20)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeycloakLoginInChromiumTest {

    private static final String ENTERPRISE = "ent-xianning-hydrogen";
    private static final String EXPERT = "exp-zhang-wei";
    private static final String CITY_ADMIN = "admin-xianning";
    private static final String DISABLED = "ent-suspended";
    private static final String TOKEN = "innovation-china.token";
    private static final String REFRESH_TOKEN = "innovation-china.refresh";
    private static final Language LANGUAGE = Language.EN;

    private static Platform platform;
    private static Keycloak keycloak;

    @BeforeAll
    static void theStackWithKeycloak() {
        platform = Platform.withKeycloak();
        keycloak = new Keycloak(platform);
    }

    @Test
    @Order(1)
    void an_enterprise_a_city_administrator_and_an_expert_sign_in_through_keycloak_and_work_with_its_tokens() {
        String demandId;
        try (var expert = Console.open(platform, LANGUAGE)) {
            // Given the expert signed in on Keycloak's page, holding a token Keycloak issued for the platform
            expert.signInThroughKeycloak(EXPERT, Keycloak.PASSWORD);
            expert.signedIn();
            String expertToken = expert.tabItem(TOKEN);
            JsonNode claims = Keycloak.claims(expertToken);
            assertThat(claims.get("iss").asString()).isEqualTo(keycloak.issuer(Keycloak.REALM));
            assertThat(claims.get("aud").toString()).contains("innovation-china");
            assertThat(claims.get("providerId").asString()).isEqualTo(DemoWorld.EXPERT_PROVIDER_ID);

            // When the expert's profile and the enterprise's registration are made with Keycloak's tokens
            try (var enterprise = Console.open(platform, LANGUAGE)) {
                enterprise.signInThroughKeycloak(ENTERPRISE, Keycloak.PASSWORD);
                enterprise.signedIn();
                DemoWorld.expertProfileAndEnterpriseRegistration(User.withToken(platform, expertToken),
                        User.withToken(platform, enterprise.tabItem(TOKEN)));
                enterprise.screenshot("keycloak-enterprise-signed-in");

                // And the enterprise posts a demand in the console
                demandId = ConsoleJourneyInChromiumTest.postDemandWithTheFieldPicker(enterprise);
            }

            // Then the expert sees its profile, read with Keycloak's token
            expert.click("nav-profile");
            expert.see("profile-form");
            expert.screenshot("keycloak-expert-profile");
        }

        // When the Xianning administrator signs in through Keycloak and approves the demand in the review queue
        try (var admin = Console.open(platform, LANGUAGE)) {
            admin.signInThroughKeycloak(CITY_ADMIN, Keycloak.PASSWORD);
            admin.signedIn();
            admin.click("nav-review");
            Supplier<WebElement> queued = () -> admin.see("review-" + demandId);
            assertThat(text(queued.get())).contains("Fuel-cell stack lifetime");
            admin.screenshot("keycloak-city-review");
            admin.click(queued, "approve");
            admin.until("the demand left the review queue",
                    () -> admin.find("review-" + demandId).isEmpty() ? true : null);
        }

        // Then the enterprise, signing in again, finds its demand published
        try (var enterprise = Console.open(platform, LANGUAGE)) {
            enterprise.signInThroughKeycloak(ENTERPRISE, Keycloak.PASSWORD);
            enterprise.signedIn();
            enterprise.click("nav-demands");
            enterprise.until("the demand published", () -> enterprise.find("demand-row-" + demandId)
                    .map(row -> row.getDomAttribute("data-status")).filter("PUBLISHED"::equals).orElseGet(() -> {
                        enterprise.click("nav-demands");
                        return null;
                    }));
        }
    }

    @Test
    @Order(2)
    void the_console_renews_its_token_before_it_expires_and_the_renewed_token_is_trusted() {
        keycloak.accessTokenLifespan(Duration.ofSeconds(40));
        try (var admin = Console.open(platform, LANGUAGE)) {
            // Given a token that lives 40 s, which the console renews 30 s before it expires
            admin.signInThroughKeycloak(CITY_ADMIN, Keycloak.PASSWORD);
            admin.signedIn();
            String first = admin.tabItem(TOKEN);

            // When it is renewed
            String renewed = admin.until("the token renewed", () -> {
                String now = admin.tabItem(TOKEN);
                return now != null && !now.equals(first) ? now : null;
            });

            // Then the renewed token expires later, and the gateway and the screens take it
            assertThat(Keycloak.claims(renewed).get("exp").asLong())
                    .isGreaterThan(Keycloak.claims(first).get("exp").asLong());
            User.withToken(platform, renewed).get("/api/monitoring/cities/" + DemoWorld.CITY + "/report?from="
                    + DemoWorld.today().minusDays(29) + "&to=" + DemoWorld.today()).expect(200);
            admin.click("nav-dashboard");
            admin.see("funnel");
            admin.screenshot("keycloak-city-dashboard");
        } finally {
            keycloak.accessTokenLifespan(Duration.ofHours(1));
        }
    }

    @Test
    @Order(3)
    void signing_out_ends_the_session_at_keycloak_so_its_refresh_token_is_refused_and_the_password_is_asked_again() {
        try (var enterprise = Console.open(platform, LANGUAGE)) {
            enterprise.signInThroughKeycloak(ENTERPRISE, Keycloak.PASSWORD);
            enterprise.signedIn();
            String refreshToken = enterprise.tabItem(REFRESH_TOKEN);
            assertThat(keycloak.refresh(refreshToken).status()).as("the refresh token works while signed in")
                    .isEqualTo(200);

            // When the enterprise signs out, through Keycloak's logout and back to the console
            enterprise.click("logout");
            enterprise.until("back at the console", () -> enterprise.address().startsWith(platform.gateway())
                    && enterprise.find("login-link").isPresent() ? true : null);

            // Then the session is over: its refresh token is refused, and signing in asks for the password again
            var refused = keycloak.refresh(refreshToken);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("error").asString()).isEqualTo("invalid_grant");
            assertThat(enterprise.tabItem(TOKEN)).isNull();
            enterprise.click("login-link");
            enterprise.see(By.id("password"));
        }
    }

    @Test
    @Order(4)
    void a_disabled_user_is_refused_by_keycloak_and_never_reaches_the_console() {
        try (var suspended = Console.open(platform, LANGUAGE)) {
            suspended.signInThroughKeycloak(DISABLED, Keycloak.PASSWORD);

            assertThat(suspended.keycloakRefusal()).containsIgnoringCase("disabled");
            suspended.screenshot("keycloak-disabled-user");
            assertThat(suspended.address()).startsWith(platform.keycloak());
            assertThat(suspended.tabItem(TOKEN)).isNull();
        }
        assertThat(keycloak.passwordGrant(Keycloak.REALM, DISABLED, Keycloak.PASSWORD).status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void a_token_of_another_realm_of_the_same_keycloak_is_refused_by_the_gateway_and_by_a_service()
            throws IOException {
        // Given another realm whose administrator's token has the platform's role and audience, and its own issuer
        keycloak.importRealm(resource("/keycloak/another-realm.json"));
        var answer = keycloak.passwordGrant("another-realm", "platform-admin", Keycloak.PASSWORD);
        assertThat(answer.status()).isEqualTo(200);
        String foreign = answer.body().get("access_token").asString();
        assertThat(Keycloak.claims(foreign).get("role").asString()).isEqualTo("PLATFORM_ADMIN");
        String trusted = keycloak.passwordGrant(Keycloak.REALM, "platform-admin", Keycloak.PASSWORD).body()
                .get("access_token").asString();

        // Then the platform's own administrator reads the pilot cities, the other realm's is refused
        Map<String, User.Answer> refusals = Map.of(
                "the gateway", User.withToken(platform, foreign).get("/api/demand/pilot-cities"),
                "demand-service", User.at(platform.service("demand-service"), foreign).get("/pilot-cities"));
        refusals.forEach((front, refused) -> assertThat(refused.status()).as(front).isEqualTo(401));
        User.withToken(platform, trusted).get("/api/demand/pilot-cities").expect(200);
        User.at(platform.service("demand-service"), trusted).get("/pilot-cities").expect(200);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KeycloakLoginInChromiumTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
