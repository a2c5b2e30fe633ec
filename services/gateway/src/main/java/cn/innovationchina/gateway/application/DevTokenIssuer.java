package cn.innovationchina.gateway.application;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import cn.innovationchina.gateway.domain.DemoUser;
import cn.innovationchina.platform.security.DevelopmentKeys;
import cn.innovationchina.platform.security.DevelopmentTokens;

/**
 * Mints development tokens for the demo users, signed with the issuer's RSA key, in the platform's claims
 * ({@link DevelopmentTokens}, as the devstack's tools mint them). With the devstack's key file
 * ({@code infra/devstack/.data/keys/dev-signing.pem}) every service the devstack starts already trusts them; any
 * other service can trust them through the JSON Web Key Set this issuer publishes (ADR 0023).
 */
public class DevTokenIssuer {

    private final DevIssuerProperties properties;
    private final Clock clock;
    private final RSAPublicKey publicKey;
    private final RSAKey key;
    private final DevelopmentTokens tokens;

    public DevTokenIssuer(DevIssuerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        KeyPair pair = DevelopmentKeys.loadOrCreate(properties.signingKey());
        this.publicKey = (RSAPublicKey) pair.getPublic();
        try {
            this.key = new RSAKey.Builder(publicKey).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.tokens = new DevelopmentTokens(pair.getPrivate(), key.getKeyID(), properties.issuer());
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
        return tokens.mint(user.user(), clock.instant(), properties.validity());
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The public half as a JSON Web Key Set, what a service's {@code jwk-set-uri} reads. */
    public Map<String, Object> jwks() {
        return new JWKSet(key).toJSONObject();
    }
}
