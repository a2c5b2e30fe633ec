package cn.innovationchina.gateway.web;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import cn.innovationchina.gateway.domain.RateLimits;
import cn.innovationchina.platform.security.PlatformSecurityChain;
import cn.innovationchina.platform.web.ProblemWebExceptionHandler;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * What only the gateway does: its token check (with the services' claims), rate limits and a circuit breaker per
 * service. The web pieces it shares with the services (problem documents, correlation ids, body limit with the
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
     * files, the reference data, health and, in the dev profile, the development issuer's pages are public.
     */
    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemWebExceptionHandler problems) {
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
}
