package cn.innovationchina.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.innovationchina.platform.security.DevelopmentKeys;
import cn.innovationchina.platform.security.PlatformClaims;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DevTokensTest {

    @TempDir
    Path keys;

    @Test
    void devstack_token_names_the_user_its_options_give() {
        assertThat(DevTokens.user(new String[] {"key.pem", "enterprise", "--org", "ORG-XN-001", "--city", "XIANNING"}))
                .isEqualTo(new PlatformUser("demo-enterprise", Role.ENTERPRISE, "ORG-XN-001", null, "XIANNING"));
        assertThat(DevTokens.user(new String[] {"key.pem", "CITY_ADMIN", "--city", "WUHAN", "--sub", "wang"}))
                .isEqualTo(new PlatformUser("wang", Role.CITY_ADMIN, null, null, "WUHAN"));
    }

    @Test
    void devstack_token_refuses_a_role_it_does_not_know_or_a_token_its_role_could_not_act_with() {
        assertThatThrownBy(() -> DevTokens.user(new String[] {"key.pem", "VISITOR"}))
                .hasMessageContaining("Unknown role VISITOR");
        assertThatThrownBy(() -> DevTokens.user(new String[] {"key.pem", "EXPERT", "--city", "WUHAN"}))
                .hasMessage("A EXPERT token needs providerId: give it with --provider");
    }

    @Test
    void the_loaders_tokens_carry_the_platforms_claims_signed_with_the_devstacks_key() throws Exception {
        Path privateKey = keys.resolve("dev-signing.pem");
        var pair = DevelopmentKeys.loadOrCreate(privateKey);
        var tokens = new DevTokens(privateKey);

        String token = tokens.expert("PRV-0001", "WUHAN");

        String[] parts = token.split("\\.");
        var signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(pair.getPublic());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        JsonNode claims = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("iss").asString()).isEqualTo(PlatformClaims.DEVELOPMENT_ISSUER);
        assertThat(claims.path("sub").asString()).isEqualTo("user-of-PRV-0001");
        PlatformClaims.of(new PlatformUser("user-of-PRV-0001", Role.EXPERT, null, "PRV-0001", "WUHAN"))
                .forEach((name, value) -> assertThat(claims.path(name).asString()).as(name).isEqualTo(value));
        assertThat(tokens.expert("PRV-0001", "WUHAN")).as("one token per user for the whole load").isEqualTo(token);
    }

    @Test
    void without_the_devstacks_key_the_loader_says_to_start_the_devstack_once() {
        assertThatThrownBy(() -> new DevTokens(keys.resolve("none.pem"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("start the devstack once");
    }
}
