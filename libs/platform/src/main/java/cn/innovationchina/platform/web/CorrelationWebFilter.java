package cn.innovationchina.platform.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.innovationchina.events.EventEnvelope.Tracing;
import cn.innovationchina.platform.observability.Correlation;
import reactor.core.publisher.Mono;

/** Takes the caller's {@code X-Correlation-Id} (or starts one), answers with it, and puts it in the context. */
public class CorrelationWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String correlationId = Correlation.sanitise(exchange.getRequest().getHeaders().getFirst(Correlation.HEADER));
        exchange.getResponse().getHeaders().set(Correlation.HEADER, correlationId);
        exchange.getAttributes().put(Correlation.MDC_KEY, correlationId);
        return chain.filter(exchange).contextWrite(Correlation.with(new Tracing(correlationId, null)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
