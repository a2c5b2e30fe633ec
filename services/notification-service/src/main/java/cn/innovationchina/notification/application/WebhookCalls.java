package cn.innovationchina.notification.application;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.WebhookEndpoint;
import cn.innovationchina.notification.domain.WebhookSignature;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Posts signed JSON to webhook endpoints, each isolated from the others (ADR 0018): every endpoint has its own
 * bulkhead (at most a few calls in flight; more are refused and retried later), circuit breaker (opens when most
 * recent calls failed, so a dead receiver costs nothing until it is tried again) and retry (exponential back-off,
 * bounded attempts), all from registries keyed by the endpoint id. Each call has a timeout, redirects are not
 * followed, and connections go only to addresses the SSRF guard checked ({@link WebhookTargets}, ADR 0019).
 */
@Component
public class WebhookCalls {

    static final String ID = "X-Notification-Id";
    static final String TIMESTAMP = "X-Notification-Timestamp";
    static final String SIGNATURE = "X-Notification-Signature";

    private final WebClient client;
    private final WebhookTargets targets;
    private final Clock clock;
    private final Duration timeout;
    private final BulkheadRegistry bulkheads;
    private final CircuitBreakerRegistry circuits;
    private final RetryRegistry retries;

    WebhookCalls(WebhookTargets targets, Clock clock,
            @Value("${notification.webhooks.timeout}") Duration timeout,
            @Value("${notification.webhooks.max-attempts}") int maxAttempts,
            @Value("${notification.webhooks.backoff}") Duration backoff,
            @Value("${notification.webhooks.max-concurrent-calls}") int maxConcurrentCalls,
            @Value("${notification.webhooks.circuit.failure-rate}") float failureRate,
            @Value("${notification.webhooks.circuit.window}") int window,
            @Value("${notification.webhooks.circuit.open-for}") Duration openFor) {
        this.targets = targets;
        this.clock = clock;
        this.timeout = timeout;
        HttpClient http = HttpClient.create().resolver(targets.resolverGroup()).followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis()).responseTimeout(timeout);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls)
                .maxWaitDuration(Duration.ZERO).build());
        this.circuits = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(window)
                .minimumNumberOfCalls(window / 2).failureRateThreshold(failureRate)
                .waitDurationInOpenState(openFor).permittedNumberOfCallsInHalfOpenState(1)
                // A full bulkhead says the receiver is busy, not broken.
                .ignoreExceptions(BulkheadFullException.class).build());
        this.retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2.0))
                .retryOnException(e -> !(e instanceof CallNotPermittedException) && !(e instanceof Refused refused
                        && !refused.retryable) && !(e instanceof WebhookTargets.UnsafeTarget))
                .build());
    }

    /** Posts the body to the endpoint until it is accepted or the attempts are spent; never fails. */
    Mono<Outcome> post(WebhookEndpoint endpoint, String deliveryId, byte[] body) {
        AtomicInteger attempts = new AtomicInteger();
        Mono<Void> once = Mono.defer(() -> {
            attempts.incrementAndGet();
            return call(endpoint, deliveryId, body);
        });
        return once.transformDeferred(BulkheadOperator.of(bulkheads.bulkhead(endpoint.id())))
                .transformDeferred(CircuitBreakerOperator.of(circuits.circuitBreaker(endpoint.id())))
                .transformDeferred(RetryOperator.of(retries.retry(endpoint.id())))
                .then(Mono.fromSupplier(() -> new Outcome(DeliveryState.SENT, attempts.get(), null)))
                .onErrorResume(e -> Mono.just(new Outcome(DeliveryState.FAILED, attempts.get(), reason(e, timeout))));
    }

    /** The state of an endpoint's circuit: CLOSED (calls go out), OPEN (refused for a while) or HALF_OPEN. */
    public String circuitOf(String endpointId) {
        return circuits.find(endpointId).map(c -> c.getState().name()).orElse("CLOSED");
    }

    private Mono<Void> call(WebhookEndpoint endpoint, String deliveryId, byte[] body) {
        URI uri = URI.create(endpoint.url());
        // A literal address never reaches the resolver, so it is checked here; a name is checked as it resolves.
        return Mono.fromCallable(() -> targets.resolve(uri.getHost())).subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(() -> {
            long timestamp = clock.instant().getEpochSecond();
            return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                    .header(ID, deliveryId)
                    .header(TIMESTAMP, String.valueOf(timestamp))
                    .header(SIGNATURE, WebhookSignature.of(endpoint.secret(), timestamp, body))
                    .bodyValue(body)
                    .exchangeToMono(response -> {
                        int status = response.statusCode().value();
                        if (response.statusCode().is2xxSuccessful()) {
                            return response.releaseBody();
                        }
                        boolean retryable = status >= 500 || status == 408 || status == 429;
                        String why = response.statusCode().is3xxRedirection() ? "redirect refused (HTTP " + status + ")"
                                : "HTTP " + status;
                        return response.releaseBody().then(Mono.error(new Refused(why, retryable)));
                    });
        })).timeout(timeout.plus(timeout), Mono.error(() -> new TimeoutException("no answer within " + timeout)));
    }

    /** What the organisation is told about a failed call: what happened, never an address it led to. */
    static String reason(Throwable failure, Duration timeout) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit open: the endpoint failed too often lately";
        }
        if (failure instanceof BulkheadFullException) {
            return "endpoint busy: too many calls in flight";
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
            return "no answer within " + timeout;
        }
        if (cause instanceof Refused || cause instanceof WebhookTargets.UnsafeTarget) {
            return String.valueOf(cause.getMessage());
        }
        // The transport's own messages name the address connected to; the organisation is told what happened only.
        for (Throwable reason = failure; reason != null; reason = reason.getCause()) {
            if (reason instanceof ConnectException) {
                return "could not connect to the endpoint";
            }
            if (reason instanceof UnknownHostException) {
                return "the endpoint's host does not resolve to a public address";
            }
            if (reason instanceof SSLException) {
                return "the TLS handshake with the endpoint failed";
            }
        }
        return "the call failed (" + cause.getClass().getSimpleName() + ")";
    }

    record Outcome(DeliveryState state, int attempts, @Nullable String failure) {
    }

    /** The receiver answered, but not with 2xx. */
    static final class Refused extends RuntimeException {

        private final boolean retryable;

        Refused(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }
}
