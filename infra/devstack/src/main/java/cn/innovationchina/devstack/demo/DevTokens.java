package cn.innovationchina.devstack.demo;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.platform.security.DevelopmentTokens;
import cn.innovationchina.platform.security.PlatformClaims;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;

/**
 * Development tokens signed with the devstack's key, in the platform's claims ({@link DevelopmentTokens}, as the
 * gateway's development login mints them): for the demo loader and the harnesses, and as
 * {@code devstack token ROLE [--org ID] [--provider ID] [--city CODE] [--sub NAME]}, which prints one.
 */
public final class DevTokens {

    /** Eight hours: a working day with the devstack, or a whole load. */
    private static final Duration VALIDITY = Duration.ofHours(8);

    /** The option of {@code devstack token} that gives each claim a role may need. */
    private static final Map<String, String> OPTION_OF = Map.of(PlatformClaims.ORGANISATION_ID, "--org",
            PlatformClaims.PROVIDER_ID, "--provider", PlatformClaims.CITY_CODE, "--city");

    private final DevelopmentTokens tokens;
    private final Map<String, String> minted = new HashMap<>();

    public DevTokens(Path privateKeyPem) {
        try {
            tokens = DevelopmentTokens.signedWith(privateKeyPem);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("No devstack signing key at " + privateKeyPem
                    + ": start the devstack once ('devstack up')", e.getCause());
        }
    }

    /** {@code devstack token}: prints a token of the role, for the ids given. */
    public static void main(String[] args) {
        try {
            if (args.length < 2) {
                throw new IllegalArgumentException("usage: devstack token ROLE [--org ID] [--provider ID] "
                        + "[--city CODE] [--sub NAME]");
            }
            System.out.println(DevelopmentTokens.signedWith(Path.of(args[0])).mint(user(args), Instant.now(),
                    VALIDITY));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** The user {@code devstack token}'s arguments (after the key file) name; refused if its role could not act. */
    static PlatformUser user(String[] args) {
        Role role;
        try {
            role = Role.valueOf(args[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role " + args[1] + " (one of " + Arrays.toString(Role.values())
                    + ")", e);
        }
        String subject = "demo-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String organisation = null;
        String provider = null;
        String city = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--org" -> organisation = args[i + 1];
                case "--provider" -> provider = args[i + 1];
                case "--city" -> city = args[i + 1];
                case "--sub" -> subject = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        var user = new PlatformUser(subject, role, organisation, provider, city);
        String missing = PlatformClaims.missing(user);
        if (missing != null) {
            throw new IllegalArgumentException("A " + role + " token needs " + missing + ": give it with "
                    + OPTION_OF.get(missing));
        }
        return user;
    }

    public String enterprise(String organisationId, String cityCode) {
        return mint(new PlatformUser("user-of-" + organisationId, Role.ENTERPRISE, organisationId, null, cityCode));
    }

    /** {@code cityCode}: the pilot city of the provider's service group, if it is in one. */
    public String expert(String providerId, @Nullable String cityCode) {
        return mint(new PlatformUser("user-of-" + providerId, Role.EXPERT, null, providerId, cityCode));
    }

    public String cityAdmin(String cityCode) {
        return mint(new PlatformUser("admin-of-" + cityCode, Role.CITY_ADMIN, null, null, cityCode));
    }

    public String platformAdmin() {
        return mint(new PlatformUser("platform-admin", Role.PLATFORM_ADMIN, null, null, null));
    }

    /** One token per user for the whole load. */
    private synchronized String mint(PlatformUser user) {
        return minted.computeIfAbsent(user.role() + "/" + user.subject(),
                key -> tokens.mint(user, Instant.now(), VALIDITY));
    }
}
