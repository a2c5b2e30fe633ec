package cn.innovationchina.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints JWTs of the platform's four roles for tests, signed with a key generated per JVM (or, {@link #signedWith},
 * with a key file). Claims: {@code sub}, {@code role}, {@code organisationId}, {@code providerId}, {@code cityCode},
 * the names of libs/platform's {@code PlatformClaims}, which this module cannot import (the platform's own tests use
 * it); {@code PlatformClaimsTest} there reads these tokens with the platform's converter, so a name that drifts fails
 * the build. {@link #mint} also makes the tokens the platform must refuse (no role, a missing id, expired).
 */
public final class Tokens {

    private static final KeyPair TEST_KEYS = generate();
    private static Path publicKeyFile;

    /** The issuer the platform trusts by default ({@code platform.security.issuer}). */
    public static final String ISSUER = "innovation-china-dev";

    /** The audience every platform token names ({@code PlatformClaims.AUDIENCE}). */
    public static final String AUDIENCE = "innovation-china";

    private final RSAPrivateKey signingKey;
    private final String issuer;
    private final boolean expiring;
    private final String audience;

    private Tokens(RSAPrivateKey signingKey) {
        this(signingKey, ISSUER, true, AUDIENCE);
    }

    private Tokens(RSAPrivateKey signingKey, String issuer, boolean expiring, String audience) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.expiring = expiring;
        this.audience = audience;
    }

    /** Tokens trusted by tests' services, which read {@link #publicKeyFile()}. */
    public static Tokens forTests() {
        return new Tokens((RSAPrivateKey) TEST_KEYS.getPrivate());
    }

    /** Tokens signed with a PKCS#8 PEM private key, such as the devstack's. */
    public static Tokens signedWith(Path privateKeyPem) {
        try {
            String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            var spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem));
            return new Tokens((RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Not an RSA PKCS#8 key: " + privateKeyPem, e);
        }
    }

    /** The same key, but tokens naming another issuer ({@code iss}). */
    public Tokens issuedBy(String otherIssuer) {
        return new Tokens(signingKey, otherIssuer, expiring, audience);
    }

    /** The same key, but tokens for another audience ({@code aud}), which the platform refuses. */
    public Tokens forAudience(String otherAudience) {
        return new Tokens(signingKey, issuer, expiring, otherAudience);
    }

    /** The same key, but tokens without an expiry ({@code exp}), which the platform refuses. */
    public Tokens withoutExpiry() {
        return new Tokens(signingKey, issuer, false, audience);
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("test-jwt-", ".pub.pem");
                publicKeyFile.toFile().deleteOnExit();
                String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(TEST_KEYS.getPublic().getEncoded());
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    public String enterprise(String organisationId, String cityCode) {
        return mint("ENTERPRISE", "user-of-" + organisationId, Map.of("organisationId", organisationId,
                "cityCode", cityCode));
    }

    public String expert(String providerId, String cityCode) {
        return mint("EXPERT", "user-of-" + providerId, Map.of("providerId", providerId, "cityCode", cityCode));
    }

    public String cityAdmin(String cityCode) {
        return mint("CITY_ADMIN", "admin-of-" + cityCode, Map.of("cityCode", cityCode));
    }

    public String platformAdmin() {
        return mint("PLATFORM_ADMIN", "platform-admin", Map.of());
    }

    public String mint(String role, String subject, Map<String, ?> claims) {
        return mint(role, subject, claims, Duration.ofHours(8));
    }

    /** Claims may be of any JSON type, as a careless or hostile issuer could send them; a null subject sends none. */
    public String mint(String role, String subject, Map<String, ?> claims, Duration validity) {
        Instant now = Instant.now();
        var builder = new JWTClaimsSet.Builder().subject(subject).jwtID(UUID.randomUUID().toString())
                .issuer(issuer).audience(audience).issueTime(Date.from(now)).claim("role", role);
        if (expiring) {
            builder.expirationTime(Date.from(now.plus(validity)));
        }
        new LinkedHashMap<>(claims).forEach(builder::claim);
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
