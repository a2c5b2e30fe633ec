package cn.innovationchina.gateway.domain;

import cn.innovationchina.platform.security.PlatformClaims;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;

/**
 * A demo user of the development token issuer: who they are and the ids their role acts with (the organisation
 * for an enterprise, the provider for an expert, the city for a city administrator; an enterprise or expert also
 * carries the city it is in), which its tokens carry as the platform's claims ({@code PlatformClaims}).
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
        String missing = PlatformClaims.missing(new PlatformUser(id, role, organisationId, providerId, cityCode));
        if (missing != null) {
            throw new IllegalArgumentException("Demo user " + id + " is a " + role + " and needs " + missing);
        }
    }

    /** Who the demo user is to the platform: the subject its tokens name, the role and the ids it acts with. */
    public PlatformUser user() {
        return new PlatformUser(id, role, organisationId, providerId, cityCode);
    }
}
