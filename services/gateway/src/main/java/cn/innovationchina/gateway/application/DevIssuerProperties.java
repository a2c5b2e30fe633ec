package cn.innovationchina.gateway.application;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.innovationchina.gateway.domain.DemoUser;

/**
 * The development token issuer (dev profile only): the PKCS#8 PEM private key it signs with (created, with its
 * public half beside it as {@code <name>.pub.pem}, when missing), the {@code iss} it writes, how long a token
 * lives, the demo users its login page lists, and where it reads the pilot-city list whose administrators it signs
 * in too (demand-service's {@code GET /pilot-cities}).
 */
@ConfigurationProperties("gateway.dev-issuer")
public record DevIssuerProperties(Path signingKey, String issuer, Duration validity, List<DemoUser> users,
        URI pilotCities) {
}
