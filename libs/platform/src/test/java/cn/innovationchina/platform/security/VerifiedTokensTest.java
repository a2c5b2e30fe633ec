package cn.innovationchina.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A token verified once is known again without its RSA check, and the platform's checks stay the same: an expired
 * token, a token with a forged signature and a token of another issuer are refused exactly as without the memory.
 */
class VerifiedTokensTest {

    private static final PlatformUser ENTERPRISE = new PlatformUser("user-of-ORG-XN-001", Role.ENTERPRISE,
            "ORG-XN-001", null, "XIANNING");
    private static final Instant START = Instant.parse("2026-12-03T08:00:00Z");

    @TempDir
    Path keys;

    private final MovingClock clock = new MovingClock();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private DevelopmentTokens trustedIssuer;
    private DevelopmentTokens otherKey;
    private ReactiveJwtDecoder decoder;

    @BeforeEach
    void a_front_that_trusts_one_key_and_remembers_verified_tokens_for_five_minutes() {
        var pair = DevelopmentKeys.loadOrCreate(keys.resolve("trusted.pem"));
        DevelopmentKeys.loadOrCreate(keys.resolve("other.pem"));
        trustedIssuer = DevelopmentTokens.signedWith(keys.resolve("trusted.pem"));
        otherKey = DevelopmentTokens.signedWith(keys.resolve("other.pem"));

        var nimbus = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
        var expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(expiry,
                new PlatformTokenValidator(PlatformClaims.DEVELOPMENT_ISSUER))));
        ReactiveJwtDecoder counted = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        decoder = new VerifiedTokens(counted, clock, Duration.ofMinutes(5), 2);
    }

    @Test
    void a_token_used_again_is_known_without_a_second_signature_check() {
        String token = trustedIssuer.mint(ENTERPRISE, START, Duration.ofHours(8));

        Jwt first = decoder.decode(token).block();
        clock.moveBy(Duration.ofMinutes(1));
        Jwt second = decoder.decode(token).block();

        assertThat(PlatformTokenConverter.userOf(second)).isEqualTo(ENTERPRISE).isEqualTo(
                PlatformTokenConverter.userOf(first));
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void requests_that_bring_a_new_token_at_once_share_one_signature_check() {
        String token = trustedIssuer.mint(ENTERPRISE, START, Duration.ofHours(8));
        var verification = reactor.core.publisher.Sinks.<Jwt>one();
        var waiting = new VerifiedTokens(t -> {
            signatureChecks.incrementAndGet();
            return verification.asMono();
        }, clock, Duration.ofMinutes(5), 2);

        var first = waiting.decode(token).toFuture();
        var second = waiting.decode(token).toFuture();
        verification.tryEmitValue(decoder.decode(token).block());

        assertThat(first.join()).isSameAs(second.join());
        assertThat(signatureChecks).as("one by the waiting front, one by the reference decoder").hasValue(2);
    }

    @Test
    void a_remembered_token_past_its_expiry_is_refused() {
        String token = trustedIssuer.mint(ENTERPRISE, START, Duration.ofMinutes(2));
        decoder.decode(token).block();

        clock.moveBy(Duration.ofMinutes(2).plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void a_token_with_a_forged_signature_is_refused_even_when_its_claims_were_verified_before() {
        String genuine = trustedIssuer.mint(ENTERPRISE, START, Duration.ofHours(8));
        decoder.decode(genuine).block();
        String signedElsewhere = otherKey.mint(ENTERPRISE, START, Duration.ofHours(8));
        String forged = genuine.substring(0, genuine.lastIndexOf('.'))
                + signedElsewhere.substring(signedElsewhere.lastIndexOf('.'));

        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class)
                .hasStackTraceContaining("Invalid signature");
        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).as("the forged token is checked every time").hasValue(3);
    }

    @Test
    void a_token_of_another_issuer_is_refused_every_time_and_never_remembered() {
        var pair = DevelopmentKeys.read(keys.resolve("trusted.pem"));
        String foreign = new DevelopmentTokens(pair, null, "https://elsewhere.example").mint(ENTERPRISE, START,
                Duration.ofHours(8));

        assertThatThrownBy(() -> decoder.decode(foreign).block()).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(foreign).block()).isInstanceOf(JwtValidationException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void a_long_lived_token_is_verified_again_after_five_minutes() {
        String token = trustedIssuer.mint(ENTERPRISE, START, Duration.ofHours(8));
        decoder.decode(token).block();

        clock.moveBy(Duration.ofMinutes(5));
        decoder.decode(token).block();

        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void the_least_recently_used_token_leaves_when_the_memory_is_full() {
        String first = trustedIssuer.mint(ENTERPRISE, START, Duration.ofHours(8));
        String second = trustedIssuer.mint(ENTERPRISE, START, Duration.ofHours(8));
        String third = trustedIssuer.mint(ENTERPRISE, START, Duration.ofHours(8));
        decoder.decode(first).block();
        decoder.decode(second).block();
        decoder.decode(first).block();
        decoder.decode(third).block();

        decoder.decode(first).block();
        decoder.decode(second).block();

        assertThat(signatureChecks).as("first, second, third, then second again").hasValue(4);
    }

    /** A clock the test moves on. */
    private static final class MovingClock extends Clock {

        private Instant now = START;

        void moveBy(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
