package cn.innovationchina.devstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Development tokens signed with the devstack's key, with the claims of test-kit's {@code Tokens} (what
 * {@code devstack token} prints). The loader signs with the JDK itself: test-kit cannot join the devstack's
 * classpath, whose Kafka broker would then pick up Spring Boot's logging.
 */
public final class DevTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey signingKey;
    private final Map<String, String> minted = new HashMap<>();

    public DevTokens(Path privateKeyPem) {
        try {
            String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            signingKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("No devstack signing key at " + privateKeyPem
                    + ": start the devstack once ('devstack up')", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA PKCS#8 key: " + privateKeyPem, e);
        }
    }

    public String enterprise(String organisationId, String cityCode) {
        return mint("ENTERPRISE", "user-of-" + organisationId, Map.of("organisationId", organisationId,
                "cityCode", cityCode));
    }

    /** {@code cityCode}: the pilot city of the provider's service group, if it is in one. */
    public String expert(String providerId, @Nullable String cityCode) {
        return mint("EXPERT", "user-of-" + providerId, cityCode == null ? Map.of("providerId", providerId)
                : Map.of("providerId", providerId, "cityCode", cityCode));
    }

    public String cityAdmin(String cityCode) {
        return mint("CITY_ADMIN", "admin-of-" + cityCode, Map.of("cityCode", cityCode));
    }

    public String platformAdmin() {
        return mint("PLATFORM_ADMIN", "platform-admin", Map.of());
    }

    /** One token per user for the whole load: eight hours, as the devstack's. */
    private synchronized String mint(String role, String subject, Map<String, String> claims) {
        return minted.computeIfAbsent(role + "/" + subject, key -> sign(role, subject, claims));
    }

    private String sign(String role, String subject, Map<String, String> claims) {
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", subject);
        body.put("jti", UUID.randomUUID().toString());
        body.put("iss", "innovation-china-dev");
        body.put("iat", now.getEpochSecond());
        body.put("exp", now.plus(Duration.ofHours(8)).getEpochSecond());
        body.put("role", role);
        body.putAll(claims);
        String unsigned = encode(Map.of("alg", "RS256")) + "." + encode(body);
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Object json) {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }
}
