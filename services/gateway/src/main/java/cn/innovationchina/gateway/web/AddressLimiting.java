package cn.innovationchina.gateway.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.innovationchina.gateway.domain.RateLimits;
import reactor.core.publisher.Mono;

/**
 * Limits by the caller's address, before the token is checked, so that what costs the gateway work without a valid
 * token is bounded too: every request spends from a generous budget of the address; {@code POST /dev/token} (an RSA
 * signature each) from a small one of its own; and every call answered 401 from a strict one of failed token checks,
 * which, once spent, refuses the address's API calls until it refills. An IPv6 caller is counted by its /64, the
 * block one host commonly holds. A refusal is a 429 problem with {@code Retry-After} in whole seconds.
 * <p>
 * Behind a proxy every caller has the proxy's address: then let the gateway read the forwarded one
 * ({@code server.forward-headers-strategy=native}) and size the budgets for the callers sharing an address.
 */
class AddressLimiting implements WebFilter, Ordered {

    private final RateLimits everything;
    private final RateLimits failedAuth;
    private final RateLimits devTokens;

    AddressLimiting(RateLimits everything, RateLimits failedAuth, RateLimits devTokens) {
        this.everything = everything;
        this.failedAuth = failedAuth;
        this.devTokens = devTokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = addressOf(exchange);
        var verdict = everything.take(address);
        if (!verdict.allowed()) {
            return Mono.error(tooMany(verdict, "Too many requests from this address"));
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (HttpMethod.POST.equals(exchange.getRequest().getMethod()) && path.equals("/dev/token")) {
            var minted = devTokens.take(address);
            if (!minted.allowed()) {
                return Mono.error(tooMany(minted, "Too many development tokens asked for from this address"));
            }
        }
        if (path.startsWith("/api/")) {
            var failures = failedAuth.peek(address);
            if (!failures.allowed()) {
                return Mono.error(tooMany(failures, "Too many calls without a valid token from this address"));
            }
            exchange.getResponse().beforeCommit(() -> {
                if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                    failedAuth.take(address);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    private static ErrorResponseException tooMany(RateLimits.Verdict verdict, String what) {
        long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                what + "; try again in " + seconds + " s");
        var refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return refused;
    }

    static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        if (address instanceof Inet6Address) {
            try {
                return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(address.getAddress(), 8), 16))
                        .getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("sixteen bytes are always an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }

    /** After the correlation id and before the body limit and the token check (the security chain, at -100). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
