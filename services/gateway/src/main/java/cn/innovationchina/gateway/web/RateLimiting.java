package cn.innovationchina.gateway.web;

import java.net.InetSocketAddress;
import java.security.Principal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

import cn.innovationchina.gateway.domain.RateLimits;
import reactor.core.publisher.Mono;

/**
 * Limits the API calls of each client: the token's subject, or the caller's address on the public API paths.
 * A refused call is a 429 problem with {@code Retry-After} in whole seconds.
 */
class RateLimiting implements GlobalFilter, Ordered {

    static final String REMAINING = "X-RateLimit-Remaining";

    private final RateLimits limits;

    RateLimiting(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal().map(Principal::getName).map(subject -> "subject:" + subject)
                .defaultIfEmpty("address:" + addressOf(exchange))
                .flatMap(client -> {
                    var verdict = limits.take(client);
                    if (!verdict.allowed()) {
                        long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
                        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                                "Too many requests from this client; try again in " + seconds + " s");
                        var refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
                        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                        return Mono.error(refused);
                    }
                    exchange.getResponse().getHeaders().set(REMAINING, Long.toString(verdict.remaining()));
                    return chain.filter(exchange);
                });
    }

    private static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** After the correlation id is set, before the circuit breaker: a refused call costs a service nothing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
