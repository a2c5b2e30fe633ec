package cn.innovationchina.gateway.web;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import cn.innovationchina.platform.observability.Correlation;
import reactor.core.publisher.Mono;

/**
 * Sends the conversation's correlation id on to the service, so its events carry the one the caller was answered
 * with, also when the gateway started it.
 */
class CorrelationForwarding implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String correlationId = exchange.getAttribute(Correlation.MDC_KEY);
        if (correlationId == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(Correlation.HEADER, correlationId)))
                .build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
