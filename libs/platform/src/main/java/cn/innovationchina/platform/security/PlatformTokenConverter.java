package cn.innovationchina.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import reactor.core.publisher.Mono;

/**
 * Reads the platform's claims ({@link PlatformClaims}): {@code role}, and {@code organisationId} (ENTERPRISE),
 * {@code providerId} (EXPERT) or {@code cityCode} (CITY_ADMIN), which that role cannot act without. A token missing
 * them, or carrying one as anything but text (a list would be read as its printed form), is refused (401).
 */
public class PlatformTokenConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new PlatformAuthentication(userOf(jwt), jwt));
    }

    static PlatformUser userOf(Jwt jwt) {
        try {
            return PlatformClaims.read(jwt.getSubject(), name -> textClaim(jwt, name));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException(e.getMessage());
        }
    }

    private static @Nullable String textClaim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException("The token's claim " + name + " is not text");
    }
}
