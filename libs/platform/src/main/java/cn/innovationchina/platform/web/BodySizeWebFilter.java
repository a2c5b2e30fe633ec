package cn.innovationchina.platform.web;

import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a declared body larger than the limit before reading it. Bodies without a length (chunked) are bounded
 * by the codecs' in-memory limit, which the problem handler also turns into 413.
 */
public class BodySizeWebFilter implements WebFilter, Ordered {

    private final DataSize limit;

    public BodySizeWebFilter(DataSize limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit.toBytes()) {
            return Mono.error(new PayloadTooLarge(limit));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    public static class PayloadTooLarge extends RuntimeException {

        PayloadTooLarge(DataSize limit) {
            super("The request body is larger than " + limit.toKilobytes() + " KB");
        }
    }
}
