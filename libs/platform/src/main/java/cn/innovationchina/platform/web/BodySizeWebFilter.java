package cn.innovationchina.platform.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * Refuses a body larger than the limit: a declared one before reading it, a streamed one (chunked, no length) as
 * its bytes pass, whoever reads them (a codec, a streaming upload, the gateway forwarding it to a service). A
 * service may give a few paths (a bulk upload) a larger limit of their own.
 * <p>
 * When the caller's body fails (over the limit, or the caller broke off), the exchange is marked with
 * {@link #CALLER_BODY_FAILED}, so whatever else fails because of it (the gateway's call to a service) is known to be
 * the caller's fault and not the service's. While the body is being read and has not ended, the exchange is marked
 * with {@link #CALLER_BODY_ARRIVING}: a call that times out then was waiting for the caller (a slow or stalled
 * upload), not for the service.
 */
public class BodySizeWebFilter implements WebFilter, Ordered {

    /** Exchange attribute, present once the caller's body has failed; its value is the failure. */
    public static final String CALLER_BODY_FAILED = BodySizeWebFilter.class.getName() + ".callerBodyFailed";

    /** Exchange attribute, present from the first read of the caller's body until the body ends or fails. */
    public static final String CALLER_BODY_ARRIVING = BodySizeWebFilter.class.getName() + ".callerBodyArriving";

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
        return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return counted(super.getBody(), applicable, exchange);
            }
        }).build());
    }

    private static Flux<DataBuffer> counted(Flux<DataBuffer> body, DataSize limit, ServerWebExchange exchange) {
        var seen = new AtomicLong();
        return body.handle((DataBuffer buffer, SynchronousSink<DataBuffer> sink) -> {
            if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                DataBufferUtils.release(buffer);
                sink.error(new PayloadTooLarge(limit));
            } else {
                sink.next(buffer);
            }
        }).doOnSubscribe(reading -> exchange.getAttributes().put(CALLER_BODY_ARRIVING, Boolean.TRUE))
                .doOnError(failure -> exchange.getAttributes().putIfAbsent(CALLER_BODY_FAILED, failure))
                // Not on cancel: whoever gave up reading (a timeout) did so while the body was still arriving.
                .doOnTerminate(() -> exchange.getAttributes().remove(CALLER_BODY_ARRIVING));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    /** A {@link DataBufferLimitException}, so the codecs pass it on as they do their own limit. */
    public static class PayloadTooLarge extends DataBufferLimitException {

        PayloadTooLarge(DataSize limit) {
            super("The request body is larger than " + limit.toKilobytes() + " KB");
        }
    }
}
