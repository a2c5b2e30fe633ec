package cn.innovationchina.platform.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Mints platform tokens (RS256 JWTs) for development: the registered claims and {@link PlatformClaims} of a
 * {@link PlatformUser}, signed with plain JDK. The gateway's development issuer mints with it, and so do the
 * devstack's demo loader, its harnesses and {@code devstack token}, which must not carry Spring (ADR 0043).
 */
public final class DevelopmentTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey signingKey;
    private final @Nullable String keyId;
    private final String issuer;

    /**
     * @param keyId  the {@code kid} a JSON Web Key Set names the key by, or null where services read the key file
     * @param issuer the {@code iss} the tokens name
     */
    public DevelopmentTokens(PrivateKey signingKey, @Nullable String keyId, String issuer) {
        this.signingKey = signingKey;
        this.keyId = keyId;
        this.issuer = issuer;
    }

    /** Tokens of the platform's development issuer, signed with the PKCS#8 PEM key (the devstack's). */
    public static DevelopmentTokens signedWith(Path privateKeyPem) {
        return new DevelopmentTokens(DevelopmentKeys.read(privateKeyPem), null, PlatformClaims.DEVELOPMENT_ISSUER);
    }

    /** A token saying who the user is, issued at {@code issuedAt} and valid for {@code validity}. */
    public String mint(PlatformUser user, Instant issuedAt, Duration validity) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user.subject());
        claims.put("aud", PlatformClaims.AUDIENCE);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(validity).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(PlatformClaims.of(user));
        String unsigned = encode(header) + "." + encode(claims);
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> json) {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }
}
