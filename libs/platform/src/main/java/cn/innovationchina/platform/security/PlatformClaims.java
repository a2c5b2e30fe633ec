package cn.innovationchina.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The platform's claims, one vocabulary for every issuer and for the one reader: the development minters
 * ({@link DevelopmentTokens}, which the gateway's development issuer and the devstack's tools sign with), test-kit's
 * {@code Tokens}, the Keycloak realm's mappers, and {@link PlatformTokenConverter}. Besides the registered claims
 * ({@code sub}, {@code iss}, {@code iat}, {@code exp}, {@code jti}) a token carries its {@link Role} and the id the
 * role acts for, and names the platform as its audience ({@code aud} = {@link #AUDIENCE}). Plain Java, so a minter
 * without Spring can use it (ADR 0043).
 */
public final class PlatformClaims {

    /** The user's {@link Role}, by name. */
    public static final String ROLE = "role";
    /** The enterprise an ENTERPRISE user acts for. */
    public static final String ORGANISATION_ID = "organisationId";
    /** The provider profile an EXPERT user acts for. */
    public static final String PROVIDER_ID = "providerId";
    /** The pilot city a CITY_ADMIN administers; an enterprise's or expert's own city. */
    public static final String CITY_CODE = "cityCode";

    /**
     * The audience ({@code aud}) every platform token names, whoever issued it: a token an identity provider issued
     * for another of its clients (its own admin console, another application) is not for the platform (ADR 0049).
     */
    public static final String AUDIENCE = "innovation-china";

    /** The issuer of development tokens, which the platform trusts unless an OIDC issuer is configured. */
    public static final String DEVELOPMENT_ISSUER = "innovation-china-dev";

    private PlatformClaims() {
    }

    /** The claims that say who the user is, besides the subject: the role, then each id it has, in this order. */
    public static Map<String, String> of(PlatformUser user) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(ROLE, user.role().name());
        putIfPresent(claims, ORGANISATION_ID, user.organisationId());
        putIfPresent(claims, PROVIDER_ID, user.providerId());
        putIfPresent(claims, CITY_CODE, user.cityCode());
        return claims;
    }

    /** The claim the user's role cannot act without, when the user lacks it; null when nothing is missing. */
    public static @Nullable String missing(PlatformUser user) {
        return switch (user.role()) {
            case ENTERPRISE -> user.organisationId() == null ? ORGANISATION_ID : null;
            case EXPERT -> user.providerId() == null ? PROVIDER_ID : null;
            case CITY_ADMIN -> user.cityCode() == null ? CITY_CODE : null;
            case PLATFORM_ADMIN -> null;
        };
    }

    /**
     * The user a token's claims name; {@code claim} answers a claim's value as text (null when absent).
     *
     * @throws IllegalArgumentException when the token names no subject, has no platform role or lacks the claim its
     *         role needs (a blank id is no id: it would name nobody, or everybody a query reads it for)
     */
    public static PlatformUser read(@Nullable String subject, Function<String, @Nullable String> claim) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("The token names no subject");
        }
        Role role;
        try {
            role = Role.valueOf(String.valueOf(claim.apply(ROLE)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The token has no platform role", e);
        }
        var user = new PlatformUser(subject, role, present(claim.apply(ORGANISATION_ID)),
                present(claim.apply(PROVIDER_ID)), present(claim.apply(CITY_CODE)));
        String missing = missing(user);
        if (missing != null) {
            throw new IllegalArgumentException("A " + role + " token needs the claim " + missing);
        }
        return user;
    }

    private static @Nullable String present(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void putIfPresent(Map<String, String> claims, String name, @Nullable String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }
}
