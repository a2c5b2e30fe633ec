package cn.innovationchina.gateway.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import cn.innovationchina.platform.web.BodySizeWebFilter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Mono;

/**
 * One Resilience4j circuit breaker per service (named by the route id). A call counts as failed only for a fault of
 * the service: it cannot be reached, does not answer within the route's {@code response-timeout}, or answers 5xx.
 * A caller's fault never counts: a 4xx answer is a success of the service, and a call whose own body failed (over
 * the limit, or the caller broke off: {@link BodySizeWebFilter#CALLER_BODY_FAILED}) is not recorded at all and is
 * answered with the caller's error (413); nor is a call that timed out while the caller's body was still arriving
 * ({@link BodySizeWebFilter#CALLER_BODY_ARRIVING}: a slow or stalled upload, which the service cannot answer before it
 * has it), answered 408. The outcome is recorded as soon as the response starts, so a live stream
 * that stays open for hours counts as one successful call. While the circuit is open, calls are answered at once
 * with a 503 naming the service.
 */
class ServiceCircuitBreakers implements GlobalFilter, Ordered {

    private final CircuitBreakerRegistry breakers;

    ServiceCircuitBreakers(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String service = route.getId();
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        if (!breaker.tryAcquirePermission()) {
            Duration pause = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState()
                    .apply(1));
            var refused = answer(HttpStatus.SERVICE_UNAVAILABLE, service, "circuit-open",
                    service + " is unavailable: it failed repeatedly, so calls to it are paused");
            refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, pause.toSeconds())));
            return Mono.error(refused);
        }
        long start = breaker.getCurrentTimestamp();
        var recorded = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            if (recorded.compareAndSet(false, true)) {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                long took = breaker.getCurrentTimestamp() - start;
                if (status != null && status.is5xxServerError()) {
                    breaker.onError(took, breaker.getTimestampUnit(), new ServiceAnswered(status));
                } else {
                    breaker.onSuccess(took, breaker.getTimestampUnit());
                }
            }
            return Mono.empty();
        });
        return chain.filter(exchange)
                .doOnCancel(() -> {
                    if (recorded.compareAndSet(false, true)) {
                        breaker.releasePermission();
                    }
                })
                .onErrorResume(error -> {
                    if (!recorded.compareAndSet(false, true)) {
                        return Mono.error(error);
                    }
                    Throwable callersFault = exchange.getAttribute(BodySizeWebFilter.CALLER_BODY_FAILED);
                    if (callersFault != null) {
                        breaker.releasePermission();
                        return Mono.error(callersFault);
                    }
                    boolean timedOut = error instanceof ResponseStatusException status
                            && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
                    if (timedOut && exchange.getAttribute(BodySizeWebFilter.CALLER_BODY_ARRIVING) != null) {
                        breaker.releasePermission();
                        return Mono.error(answer(HttpStatus.REQUEST_TIMEOUT, service, "body-too-slow",
                                "The request body was still arriving when " + service + " was due to answer"));
                    }
                    breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), error);
                    if (timedOut) {
                        return Mono.error(answer(HttpStatus.GATEWAY_TIMEOUT, service, "timeout",
                                service + " did not answer in time"));
                    }
                    return Mono.error(answer(HttpStatus.SERVICE_UNAVAILABLE, service, "unreachable",
                            service + " is unavailable: it could not be reached"));
                });
    }

    private static ErrorResponseException answer(HttpStatus status, String service, String reason,
            String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail + "; try again shortly");
        problem.setProperty("service", service);
        problem.setProperty("reason", reason);
        return new ErrorResponseException(status, problem, null);
    }

    /** After the rate limit, before the call is routed. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    private static final class ServiceAnswered extends RuntimeException {

        ServiceAnswered(HttpStatusCode status) {
            super("The service answered " + status.value(), null, false, false);
        }
    }
}
