package cn.innovationchina.platform.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a declared body larger than the limit before reading it. Bodies without a length (chunked) are bounded
 * by the codecs' in-memory limit, which the problem handler also turns into 413. A service may give a few paths
 * (a bulk upload) a larger limit of their own; such an endpoint reads its body as a stream, not through a codec.
 */
public class BodySizeWebFilter implements WebFilter, Ordered {

    private final DataSize limit;
    private final Map<String, DataSize> limitsByPath;

    public BodySizeWebFilter(DataSize limit, Map<String, DataSize> limitsByPath) {
        this.limit = limit;
        this.limitsByPath = Map.copyOf(limitsByPath);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        DataSize applicable = limitsByPath.getOrDefault(exchange.getRequest().getPath().pathWithinApplication().value(),
                limit);
        if (length > applicable.toBytes()) {
            return Mono.error(new PayloadTooLarge(applicable));
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
