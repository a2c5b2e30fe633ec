package cn.innovationchina.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import reactor.core.publisher.Mono;

/**
 * Reads the platform's claims: {@code role}, and {@code organisationId} (ENTERPRISE), {@code providerId} (EXPERT)
 * or {@code cityCode} (CITY_ADMIN), which that role cannot act without. A token missing them is refused (401).
 */
public class PlatformTokenConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new PlatformAuthentication(userOf(jwt), jwt));
    }

    static PlatformUser userOf(Jwt jwt) {
        Role role;
        try {
            role = Role.valueOf(String.valueOf(jwt.getClaimAsString("role")));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token has no platform role");
        }
        var user = new PlatformUser(jwt.getSubject(), role, jwt.getClaimAsString("organisationId"),
                jwt.getClaimAsString("providerId"), jwt.getClaimAsString("cityCode"));
        String missing = switch (role) {
            case ENTERPRISE -> user.organisationId() == null ? "organisationId" : null;
            case EXPERT -> user.providerId() == null ? "providerId" : null;
            case CITY_ADMIN -> user.cityCode() == null ? "cityCode" : null;
            case PLATFORM_ADMIN -> null;
        };
        if (missing != null) {
            throw new InvalidBearerTokenException("A " + role + " token needs the claim " + missing);
        }
        return user;
    }
}
