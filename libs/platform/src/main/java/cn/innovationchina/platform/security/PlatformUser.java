package cn.innovationchina.platform.security;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling, from the token: {@code @AuthenticationPrincipal PlatformUser user} in a handler. Object-level
 * checks use these ids: an enterprise user acts only for its organisation, an expert only for its provider
 * profile, a city administrator only for its city.
 */
public record PlatformUser(String subject, Role role, @Nullable String organisationId, @Nullable String providerId,
        @Nullable String cityCode) {

    public boolean is(Role expected) {
        return role == expected;
    }

    public boolean actsFor(String organisation) {
        return role == Role.ENTERPRISE && organisation.equals(organisationId);
    }

    public boolean isProvider(String provider) {
        return role == Role.EXPERT && provider.equals(providerId);
    }

    /** A platform administrator oversees every city, a city administrator only its own. */
    public boolean administers(String city) {
        return role == Role.PLATFORM_ADMIN || role == Role.CITY_ADMIN && city.equals(cityCode);
    }
}
