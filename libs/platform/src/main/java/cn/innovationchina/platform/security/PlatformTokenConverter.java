package cn.innovationchina.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import reactor.core.publisher.Mono;

/**
 * Reads the platform's claims ({@link PlatformClaims}): {@code role}, and {@code organisationId} (ENTERPRISE),
 * {@code providerId} (EXPERT) or {@code cityCode} (CITY_ADMIN), which that role cannot act without. A token missing
 * them is refused (401).
 */
public class PlatformTokenConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new PlatformAuthentication(userOf(jwt), jwt));
    }

    static PlatformUser userOf(Jwt jwt) {
        try {
            return PlatformClaims.read(jwt.getSubject(), jwt::getClaimAsString);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException(e.getMessage());
        }
    }
}
