package cn.innovationchina.platform.web;

import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a request target (path and query, as sent) longer than the limit with a 414 problem naming the path. The
 * HTTP server's own line limit is set well above it ({@code server.netty.max-initial-line-length}), so a long id
 * reaches this filter and gets a problem document instead of the server's empty answer.
 */
public class UriLengthWebFilter implements WebFilter, Ordered {

    private final DataSize limit;

    public UriLengthWebFilter(DataSize limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String target = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        long length = (long) (target == null ? 0 : target.length()) + (query == null ? 0 : query.length() + 1);
        if (length > limit.toBytes()) {
            return Mono.error(new UriTooLong(limit));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    public static class UriTooLong extends RuntimeException {

        UriTooLong(DataSize limit) {
            super("The request's path and query are longer than " + limit.toBytes() + " characters");
        }
    }
}
