package cn.innovationchina.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import cn.innovationchina.gateway.domain.DemoUser;
import cn.innovationchina.platform.security.PlatformClaims;
import cn.innovationchina.platform.security.PlatformTokenConverter;
import cn.innovationchina.platform.security.Role;

class DevTokenIssuerTest {

    private static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("ent-xianning", "咸宁氢能", Role.ENTERPRISE, "ORG-XN-001", null, "XIANNING"),
            new DemoUser("exp-zhang-wei", "Zhang Wei", Role.EXPERT, null, "PRV-0001", "WUHAN"),
            new DemoUser("admin-xianning", "咸宁管理员", Role.CITY_ADMIN, null, null, "XIANNING"),
            new DemoUser("platform-admin", "Platform", Role.PLATFORM_ADMIN, null, null, null));

    @TempDir
    Path keys;

    @Test
    void the_token_of_each_demo_user_is_read_by_the_platform_as_that_user_for_the_configured_time() {
        Instant now = Instant.parse("2026-03-02T01:00:00Z");
        var issuer = new DevTokenIssuer(new DevIssuerProperties(keys.resolve("dev-signing.pem"),
                PlatformClaims.DEVELOPMENT_ISSUER, Duration.ofHours(1), DEMO_USERS,
                URI.create("http://localhost:1/pilot-cities")), Clock.fixed(now, ZoneOffset.UTC));
        var decoder = NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build();
        // Minted at a fixed instant: the expiry is checked below, not against the time of the run.
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        String keyId = String.valueOf(((List<?>) issuer.jwks().get("keys")).stream()
                .map(key -> ((Map<?, ?>) key).get("kid")).findFirst().orElseThrow());

        for (DemoUser user : DEMO_USERS) {
            Jwt jwt = decoder.decode(issuer.mint(user));

            assertThat(new PlatformTokenConverter().convert(jwt).block().getPrincipal()).isEqualTo(user.user());
            assertThat(jwt.getHeaders()).containsEntry("kid", keyId);
            assertThat(jwt.getSubject()).isEqualTo(user.id());
            assertThat(jwt.getExpiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        }
    }
}
