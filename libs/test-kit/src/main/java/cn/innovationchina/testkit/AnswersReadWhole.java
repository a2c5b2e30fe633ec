package cn.innovationchina.testkit;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpResponseDecorator;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A test's {@code WebTestClient} connector ({@link TestClientConfiguration}): it reads an answer's whole body as it
 * arrives, into heap memory, and gives Netty its buffers back at once; a live stream (server-sent events, JSON lines)
 * passes as it is. A test that checks only the status never reads the body, and the client's recorder then keeps
 * Netty's buffers until the collector finds them unreleased (spring-framework#36050, open in 7.0.8): the build's
 * Netty leak reports came from there.
 */
final class AnswersReadWhole implements ClientHttpConnector {

    private static final List<MediaType> LIVE_STREAMS = List.of(MediaType.TEXT_EVENT_STREAM,
            MediaType.APPLICATION_NDJSON);

    private final ClientHttpConnector connector = new ReactorClientHttpConnector();

    @Override
    public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
            Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
        return connector.connect(method, uri, requestCallback)
                .flatMap(response -> isLiveStream(response) ? Mono.just(response) : readWhole(response));
    }

    private static boolean isLiveStream(ClientHttpResponse response) {
        MediaType type = response.getHeaders().getContentType();
        return type != null && LIVE_STREAMS.stream().anyMatch(type::isCompatibleWith);
    }

    private static Mono<ClientHttpResponse> readWhole(ClientHttpResponse response) {
        return DataBufferUtils.join(response.getBody())
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> new ClientHttpResponseDecorator(response) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return bytes.length == 0 ? Flux.empty()
                                : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
                    }
                });
    }
}
