package cn.innovationchina.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpResponse;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A test's answers come read whole, off Netty's buffers; a live stream still arrives event by event. */
class AnswersReadWholeTest {

    private static DisposableServer server;
    private final AnswersReadWhole connector = new AnswersReadWhole();

    @BeforeAll
    static void serve() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/problem", (request, response) -> response.status(401)
                                .header("Content-Type", "application/problem+json")
                                .sendString(Flux.just("{\"title\":", "\"Unauthorized\"}")))
                        .get("/live", (request, response) -> response.header("Content-Type", "text/event-stream")
                                .sendString(Flux.concat(Flux.just("data: first\n\n"), Flux.never()))))
                .bindNow();
    }

    @AfterAll
    static void stop() {
        server.disposeNow();
    }

    @Test
    void an_answers_body_comes_whole_in_heap_memory_so_nothing_is_left_to_release_if_no_test_reads_it() {
        ClientHttpResponse response = call("/problem").block(Duration.ofSeconds(5));

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        DataBuffer body = response.getBody().single().block(Duration.ofSeconds(5));
        assertThat(body).isInstanceOf(DefaultDataBuffer.class);
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"Unauthorized\"}");
    }

    @Test
    void a_live_stream_that_never_ends_still_gives_its_first_event_at_once() {
        ClientHttpResponse response = call("/live").block(Duration.ofSeconds(5));

        DataBuffer first = response.getBody().next().block(Duration.ofSeconds(5));
        assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo("data: first\n\n");
        DataBufferUtils.release(first);
    }

    private Mono<ClientHttpResponse> call(String path) {
        return connector.connect(HttpMethod.GET, URI.create("http://127.0.0.1:" + server.port() + path),
                request -> request.setComplete());
    }
}
