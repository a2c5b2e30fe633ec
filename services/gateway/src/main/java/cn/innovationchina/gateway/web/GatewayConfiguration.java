package cn.innovationchina.gateway.web;

import java.net.URI;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.SecurityWebFilterChain;

import cn.innovationchina.gateway.domain.RateLimits;
import cn.innovationchina.platform.security.PlatformSecurityChain;
import cn.innovationchina.platform.web.ProblemWebExceptionHandler;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * What only the gateway does: its token check (with the services' claims), rate limits by address before the
 * token check and by client after it, a circuit breaker per service, and the console's security headers. The web pieces it shares with the services (problem documents, correlation ids, body limit with the
 * per-path limits under their public /api paths, reference data) come from the platform's web auto-configuration;
 * the services' own auto-configuration (MongoDB, Kafka) is excluded in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    RateLimiting rateLimiting(@Value("${gateway.rate-limit.capacity}") long capacity,
            @Value("${gateway.rate-limit.tokens-per-second}") double tokensPerSecond,
            @Value("${gateway.rate-limit.max-clients}") int maxClients, Clock clock) {
        return new RateLimiting(new RateLimits(capacity, tokensPerSecond, maxClients, clock));
    }

    @Bean
    AddressLimiting addressLimiting(@Value("${gateway.rate-limit.by-address.capacity}") long capacity,
            @Value("${gateway.rate-limit.by-address.tokens-per-second}") double tokensPerSecond,
            @Value("${gateway.rate-limit.failed-auth.capacity}") long failedAuthCapacity,
            @Value("${gateway.rate-limit.failed-auth.tokens-per-second}") double failedAuthPerSecond,
            @Value("${gateway.rate-limit.dev-token.capacity}") long devTokenCapacity,
            @Value("${gateway.rate-limit.dev-token.tokens-per-second}") double devTokensPerSecond,
            @Value("${gateway.rate-limit.max-clients}") int maxClients, Clock clock) {
        return new AddressLimiting(new RateLimits(capacity, tokensPerSecond, maxClients, clock),
                new RateLimits(failedAuthCapacity, failedAuthPerSecond, maxClients, clock),
                new RateLimits(devTokenCapacity, devTokensPerSecond, maxClients, clock));
    }

    @Bean
    ServiceCircuitBreakers serviceCircuitBreakers(CircuitBreakerRegistry breakers) {
        return new ServiceCircuitBreakers(breakers);
    }

    @Bean
    CorrelationForwarding correlationForwarding() {
        return new CorrelationForwarding();
    }

    @Bean
    LocationRewriting locationRewriting() {
        return new LocationRewriting();
    }

    /**
     * Every {@code /api} call needs a platform token (checked again by the service it reaches); the console's
     * files, the reference data, health and, in the dev profile, the development issuer's pages are public. Every
     * answer carries a Content-Security-Policy: scripts, styles and calls only from this origin (and the OpenID
     * provider's token endpoint, when there is one), no inline script, no framing by any page.
     */
    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemWebExceptionHandler problems,
            @Value("${gateway.login.issuer:}") String loginIssuer) {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(loginIssuer)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return PlatformSecurityChain.build(http, problems, exchanges -> exchanges
                // What every service itself serves without a token.
                .pathMatchers(HttpMethod.GET, "/api/*/v3/api-docs", "/api/*/v3/api-docs/**", "/api/*/reference/**")
                .permitAll()
                .pathMatchers("/api/**").authenticated()
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .pathMatchers("/actuator/**").hasRole("PLATFORM_ADMIN")
                .anyExchange().permitAll());
    }

    /** Images may be data URLs (the favicon's fallback); the console fetches the token of an OpenID provider. */
    static String contentSecurityPolicy(String loginIssuer) {
        String provider = originOf(loginIssuer);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                + (provider.isEmpty() ? "" : " " + provider)
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String originOf(String url) {
        if (url.isBlank()) {
            return "";
        }
        URI uri = URI.create(url.strip());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
