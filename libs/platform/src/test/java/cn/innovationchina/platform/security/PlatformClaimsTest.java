package cn.innovationchina.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import cn.innovationchina.testkit.Tokens;

/**
 * Every minter writes the claims the platform reads: a token of each role, from the development minter (which the
 * gateway's development login, the devstack's loader and {@code devstack token} sign with) and from test-kit's
 * {@code Tokens}, is read by {@link PlatformTokenConverter} into the very user it was minted for.
 */
class PlatformClaimsTest {

    private static final List<PlatformUser> ONE_OF_EACH_ROLE = List.of(
            new PlatformUser("user-of-ORG-XN-001", Role.ENTERPRISE, "ORG-XN-001", null, "XIANNING"),
            new PlatformUser("user-of-PRV-0001", Role.EXPERT, null, "PRV-0001", "WUHAN"),
            new PlatformUser("admin-of-XIANNING", Role.CITY_ADMIN, null, null, "XIANNING"),
            new PlatformUser("platform-admin", Role.PLATFORM_ADMIN, null, null, null));

    @TempDir
    Path keys;

    @Test
    void a_development_token_of_each_role_is_read_as_the_user_it_was_minted_for() {
        Path privateKey = keys.resolve("dev-signing.pem");
        var pair = DevelopmentKeys.loadOrCreate(privateKey);
        var decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
        var tokens = DevelopmentTokens.signedWith(privateKey);

        for (PlatformUser user : ONE_OF_EACH_ROLE) {
            Jwt jwt = decoder.decode(tokens.mint(user, Instant.now(), Duration.ofHours(8)));

            assertThat(PlatformTokenConverter.userOf(jwt)).isEqualTo(user);
            assertThat(new PlatformTokenValidator(PlatformClaims.DEVELOPMENT_ISSUER).validate(jwt).hasErrors())
                    .as("expires, names the development issuer and the platform's audience").isFalse();
        }
    }

    @Test
    void a_test_kit_token_of_each_role_is_read_as_the_user_it_was_minted_for() {
        var decoder = NimbusJwtDecoder.withPublicKey(publicKey(Tokens.publicKeyFile())).build();
        var tokens = Tokens.forTests();
        Map<String, String> minted = Map.of(
                "user-of-ORG-XN-001", tokens.enterprise("ORG-XN-001", "XIANNING"),
                "user-of-PRV-0001", tokens.expert("PRV-0001", "WUHAN"),
                "admin-of-XIANNING", tokens.cityAdmin("XIANNING"),
                "platform-admin", tokens.platformAdmin());

        for (PlatformUser user : ONE_OF_EACH_ROLE) {
            Jwt jwt = decoder.decode(minted.get(user.subject()));

            assertThat(PlatformTokenConverter.userOf(jwt)).isEqualTo(user);
            assertThat(jwt.getClaimAsString("iss")).isEqualTo(PlatformClaims.DEVELOPMENT_ISSUER);
            assertThat(jwt.getAudience()).containsExactly(PlatformClaims.AUDIENCE);
        }
    }

    @Test
    void the_claims_of_a_user_name_its_role_and_only_the_ids_it_has_and_read_back_as_the_same_user() {
        var expert = ONE_OF_EACH_ROLE.get(1);

        assertThat(PlatformClaims.of(expert)).containsExactly(Map.entry("role", "EXPERT"),
                Map.entry("providerId", "PRV-0001"), Map.entry("cityCode", "WUHAN"));
        for (PlatformUser user : ONE_OF_EACH_ROLE) {
            assertThat(PlatformClaims.read(user.subject(), PlatformClaims.of(user)::get)).isEqualTo(user);
        }
    }

    @Test
    void a_token_without_the_id_its_role_acts_for_or_without_a_platform_role_is_refused() {
        var decoder = NimbusJwtDecoder.withPublicKey(publicKey(Tokens.publicKeyFile())).build();
        var tokens = Tokens.forTests();

        assertThatThrownBy(() -> PlatformTokenConverter.userOf(decoder.decode(
                tokens.mint("ENTERPRISE", "someone", Map.of("cityCode", "XIANNING")))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage("A ENTERPRISE token needs the claim organisationId");
        assertThatThrownBy(() -> PlatformTokenConverter.userOf(decoder.decode(
                tokens.mint("VISITOR", "someone", Map.of()))))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessage("The token has no platform role");
    }

    @Test
    void the_development_key_is_created_once_and_its_public_half_written_again_when_lost() throws IOException {
        Path privateKey = keys.resolve("keys/dev-signing.pem");
        var created = DevelopmentKeys.loadOrCreate(privateKey);
        Path publicKey = DevelopmentKeys.publicKeyFile(privateKey);
        assertThat(publicKey).hasFileName("dev-signing.pub.pem").exists();

        Files.delete(publicKey);
        var loaded = DevelopmentKeys.loadOrCreate(privateKey);

        assertThat(loaded.getPrivate()).isEqualTo(created.getPrivate());
        assertThat(publicKey(publicKey)).isEqualTo(created.getPublic());
    }

    private static RSAPublicKey publicKey(Path pem) {
        try (var in = Files.newInputStream(pem)) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
