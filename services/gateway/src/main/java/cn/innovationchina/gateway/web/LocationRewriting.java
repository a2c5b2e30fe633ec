package cn.innovationchina.gateway.web;

import java.net.URI;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A service names what it created by its own path ({@code Location: /demands/dmd-1}); through the gateway that is
 * {@code /api/demand/demands/dmd-1}. Only paths are rewritten; an absolute URL is left as the service wrote it.
 */
class LocationRewriting implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String prefix = prefixOf(exchange.getRequest().getPath().value());
        if (prefix != null) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                URI location = headers.getLocation();
                if (location != null && location.getScheme() == null && location.getRawPath() != null
                        && location.getRawPath().startsWith("/") && !location.getRawPath().startsWith(prefix + "/")) {
                    headers.set(HttpHeaders.LOCATION, prefix + location);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    /** {@code /api/<service>} of the path as the caller sent it, before the route strips it. */
    private static String prefixOf(String path) {
        if (!path.startsWith("/api/")) {
            return null;
        }
        int end = path.indexOf('/', "/api/".length());
        return end < 0 ? null : path.substring(0, end);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
