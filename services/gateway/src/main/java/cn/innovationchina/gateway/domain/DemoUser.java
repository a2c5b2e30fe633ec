package cn.innovationchina.gateway.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.innovationchina.platform.security.Role;

/**
 * A demo user of the development token issuer: who they are and the claims their role acts with
 * ({@code organisationId} for an enterprise, {@code providerId} for an expert, {@code cityCode} for a city
 * administrator; an enterprise or expert also carries the city it is in).
 */
public record DemoUser(String id, String name, Role role, String organisationId, String providerId,
        String cityCode) {

    public DemoUser {
        if (id == null || id.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("A demo user needs an id and a name");
        }
        if (role == null) {
            throw new IllegalArgumentException("Demo user " + id + " has no platform role");
        }
        String missing = switch (role) {
            case ENTERPRISE -> organisationId == null ? "organisationId" : null;
            case EXPERT -> providerId == null ? "providerId" : null;
            case CITY_ADMIN -> cityCode == null ? "cityCode" : null;
            case PLATFORM_ADMIN -> null;
        };
        if (missing != null) {
            throw new IllegalArgumentException("Demo user " + id + " is a " + role + " and needs " + missing);
        }
    }

    /** The platform's claims besides the subject, as the services read them. */
    public Map<String, String> claims() {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("role", role.name());
        if (organisationId != null) {
            claims.put("organisationId", organisationId);
        }
        if (providerId != null) {
            claims.put("providerId", providerId);
        }
        if (cityCode != null) {
            claims.put("cityCode", cityCode);
        }
        return claims;
    }
}
