package cn.innovationchina.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.innovationchina.platform.domain.SafeText;
import cn.innovationchina.platform.problem.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * Holds query parameters to the rule request bodies keep ({@link SafeText}): no control or bidirectional override
 * character in a name or a value. A search text reaches queries the database driver encodes, and a NUL there was a
 * 500, which the gateway's breaker counts as the service's fault: a refusal naming the parameter is the caller's.
 */
public class QueryTextWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
            String name = parameter.getKey();
            String refusal = SafeText.refusal(name);
            if (refusal != null) {
                return Mono.error(new InvalidInput("query", "a parameter's name " + refusal));
            }
            for (String value : parameter.getValue()) {
                refusal = value == null ? null : SafeText.refusal(value);
                if (refusal != null) {
                    return Mono.error(new InvalidInput(name.isBlank() ? "query" : name, refusal));
                }
            }
        }
        return chain.filter(exchange);
    }

    /** Right after the URI's length is checked, before anything reads a parameter. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
