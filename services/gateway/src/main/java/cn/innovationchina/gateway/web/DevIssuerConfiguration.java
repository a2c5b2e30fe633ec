package cn.innovationchina.gateway.web;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.innovationchina.gateway.application.DevIssuerProperties;
import cn.innovationchina.gateway.application.DevTokenIssuer;
import cn.innovationchina.gateway.application.PilotCityAdministrators;
import cn.innovationchina.platform.security.PlatformTokenValidator;

/**
 * The development token issuer exists only with the {@code dev} profile: without it there is no login page, no key
 * and no way to mint a token here (ADR 0023). With it, the gateway trusts the tokens it mints, under the platform's
 * rules (an expiry, the trusted issuer).
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
@EnableConfigurationProperties({DevIssuerProperties.class, DevLoginProperties.class})
class DevIssuerConfiguration {

    @Bean
    DevTokenIssuer devTokenIssuer(DevIssuerProperties properties, Clock clock) {
        return new DevTokenIssuer(properties, clock);
    }

    @Bean
    ReactiveJwtDecoder devIssuerJwtDecoder(DevTokenIssuer issuer, PlatformTokenValidator platformRules) {
        return platformRules.applyTo(NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey()).build());
    }

    @Bean
    RouterFunction<ServerResponse> devIssuerRoutes(DevTokenIssuer issuer, DevIssuerProperties properties,
            DevLoginProperties login) {
        return new DevIssuerRoutes(issuer, new PilotCityAdministrators(issuer, properties), login).routes();
    }
}
