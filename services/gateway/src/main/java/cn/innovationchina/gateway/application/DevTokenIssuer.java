package cn.innovationchina.gateway.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import cn.innovationchina.gateway.domain.DemoUser;

/**
 * Mints development tokens for the demo users, signed with the issuer's RSA key. With the devstack's key file
 * ({@code infra/devstack/.data/keys/dev-signing.pem}) every service the devstack starts already trusts them; any
 * other service can trust them through the JSON Web Key Set this issuer publishes (ADR 0023).
 */
public class DevTokenIssuer {

    private final DevIssuerProperties properties;
    private final Clock clock;
    private final RSAKey key;
    private final NimbusJwtEncoder encoder;

    public DevTokenIssuer(DevIssuerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = loadOrCreate(properties.signingKey());
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    public List<DemoUser> users() {
        return properties.users();
    }

    public Duration validity() {
        return properties.validity();
    }

    public Optional<DemoUser> user(String id) {
        return properties.users().stream().filter(user -> user.id().equals(id)).findFirst();
    }

    /** A signed token for the demo user, valid for {@link #validity()}. */
    public String mint(DemoUser user) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder().issuer(properties.issuer()).subject(user.id()).issuedAt(now)
                .expiresAt(now.plus(properties.validity())).id(UUID.randomUUID().toString());
        user.claims().forEach(claims::claim);
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half as a JSON Web Key Set, what a service's {@code jwk-set-uri} reads. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    private static RSAKey loadOrCreate(Path privateKeyFile) {
        try {
            Path publicKeyFile = privateKeyFile.resolveSibling(
                    privateKeyFile.getFileName().toString().replaceFirst("\\.pem$", "") + ".pub.pem");
            if (!Files.exists(privateKeyFile)) {
                if (privateKeyFile.getParent() != null) {
                    Files.createDirectories(privateKeyFile.getParent());
                }
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            String body = Files.readString(privateKeyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            if (!Files.exists(publicKeyFile)) {
                Files.writeString(publicKeyFile, pem("PUBLIC KEY", publicKey.getEncoded()));
            }
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Not an RSA PKCS#8 key: " + privateKeyFile, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
