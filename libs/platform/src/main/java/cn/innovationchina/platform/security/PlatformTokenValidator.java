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
 * its time): an expiry at all, since a token without {@code exp} would never expire, and the issuer the platform
 * trusts ({@code platform.security.issuer}, configured once), so a key shared with another realm or issuer does not
 * let its tokens in. Spring Boot adds this validator to the decoder it configures; a front that builds its own
 * decoder (the gateway's development issuer) applies it with {@link #applyTo}.
 */
public final class PlatformTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NO_EXPIRY = new OAuth2Error("invalid_token", "The token has no expiry (exp)",
            null);

    private final JwtIssuerValidator issuer;

    public PlatformTokenValidator(String trustedIssuer) {
        this.issuer = new JwtIssuerValidator(trustedIssuer);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getExpiresAt() == null) {
            return OAuth2TokenValidatorResult.failure(NO_EXPIRY);
        }
        return issuer.validate(token);
    }

    /** The default checks and this one, on a decoder built by hand. */
    public NimbusReactiveJwtDecoder applyTo(NimbusReactiveJwtDecoder decoder) {
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(JwtValidators.createDefault(), this)));
        return decoder;
    }
}
