package cn.innovationchina.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/**
 * What the platform requires of every token beyond its signature and the default checks (not expired, not before
 * its time): an expiry at all, since a token without {@code exp} would never expire; the issuer the platform
 * trusts ({@code platform.security.issuer}, configured once), so a key shared with another realm or issuer does not
 * let its tokens in; and the platform as its audience ({@link PlatformClaims#AUDIENCE}), so a token the same issuer
 * made for another client does not either. The same checks for every issuer, the development one and Keycloak
 * (ADR 0049). Spring Boot adds this validator to the decoder it configures; a front that builds its own decoder
 * (the gateway's development issuer) applies it with {@link #applyTo}.
 */
public final class PlatformTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NO_EXPIRY = new OAuth2Error("invalid_token", "The token has no expiry (exp)",
            null);

    private static final OAuth2Error NOT_FOR_THE_PLATFORM = new OAuth2Error("invalid_token",
            "The token is not for the platform (aud)", null);

    private final JwtIssuerValidator issuer;

    public PlatformTokenValidator(String trustedIssuer) {
        this.issuer = new JwtIssuerValidator(trustedIssuer);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getExpiresAt() == null) {
            return OAuth2TokenValidatorResult.failure(NO_EXPIRY);
        }
        List<String> audience = token.getAudience();
        if (audience == null || !audience.contains(PlatformClaims.AUDIENCE)) {
            return OAuth2TokenValidatorResult.failure(NOT_FOR_THE_PLATFORM);
        }
        return issuer.validate(token);
    }

    /** The default checks and this one, on a decoder built by hand. */
    public NimbusReactiveJwtDecoder applyTo(NimbusReactiveJwtDecoder decoder) {
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(JwtValidators.createDefault(), this)));
        return decoder;
    }
}
