package cn.innovationchina.gateway.web;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.innovationchina.gateway.domain.RateLimits;
import cn.innovationchina.platform.security.PlatformTokenConverter;
import cn.innovationchina.platform.security.ProblemSecurityHandlers;
import cn.innovationchina.platform.web.BodySizeWebFilter;
import cn.innovationchina.platform.web.CorrelationWebFilter;
import cn.innovationchina.platform.web.ProblemWebExceptionHandler;
import cn.innovationchina.platform.web.ReferenceDataRoutes;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The platform's web pieces the gateway shares with the services (problem documents, correlation ids, body limit,
 * the token check with the same claims), and what only the gateway does: rate limits and a circuit breaker per
 * service. The platform's auto-configuration is left out: it wires MongoDB and Kafka, which the gateway has not.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler() {
        return new ProblemWebExceptionHandler();
    }

    @Bean
    CorrelationWebFilter correlationWebFilter() {
        return new CorrelationWebFilter();
    }

    /** Same settings as the services' ({@code platform.web.max-body-size}, per path by the public /api path). */
    @Bean
    BodySizeWebFilter bodySizeWebFilter(@Value("${platform.web.max-body-size}") DataSize limit,
            Environment environment) {
        return new BodySizeWebFilter(limit, Binder.get(environment)
                .bind("platform.web.max-body-size-by-path", Bindable.mapOf(String.class, DataSize.class))
                .orElse(Map.of()));
    }

    @Bean
    RouterFunction<ServerResponse> referenceDataRoutes() {
        return new ReferenceDataRoutes(FieldTaxonomy.standard(), PilotCities.standard()).routes();
    }

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
        var handlers = new ProblemSecurityHandlers(problems);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        // What every service itself serves without a token.
                        .pathMatchers(HttpMethod.GET, "/api/*/v3/api-docs", "/api/*/v3/api-docs/**",
                                "/api/*/reference/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").hasRole("PLATFORM_ADMIN")
                        .anyExchange().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new PlatformTokenConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .build();
    }
}
