package cn.innovationchina.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class BodySizeWebFilterTest {

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

    /**
     * A streamed body over the limit is refused, and each chunk read is let go exactly once, by whoever owns it: a
     * chunk let go twice returns memory the server still reads into to its pool (ADR 0050).
     */
    @Test
    void a_streamed_body_over_the_limit_is_refused_and_each_chunk_read_is_let_go_exactly_once() {
        List<ByteBuf> chunks = IntStream.range(0, 4).mapToObj(i -> UnpooledByteBufAllocator.DEFAULT.buffer(600)
                .writeZero(600)).toList();
        // The server keeps a reference of its own to each chunk, as Netty's decoder does to its read buffer.
        chunks.forEach(ByteBuf::retain);
        var filter = new BodySizeWebFilter(DataSize.ofKilobytes(1), Map.of());
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/demands")
                .body(Flux.fromIterable(chunks).map(BUFFERS::wrap)));

        StepVerifier.create(filter.filter(exchange, read -> DataBufferUtils.join(read.getRequest().getBody()).then()))
                .expectError(BodySizeWebFilter.PayloadTooLarge.class)
                .verify();

        assertThat(chunks.subList(0, 2)).as("the chunks read up to the refusal keep only the server's reference")
                .allSatisfy(chunk -> assertThat(chunk.refCnt()).isEqualTo(1));
        assertThat(exchange.getAttributes()).containsKey(BodySizeWebFilter.CALLER_BODY_FAILED);
        // As the server would once the connection closes: its references, and those of the chunks never read.
        chunks.forEach(chunk -> chunk.release(chunk.refCnt()));
    }
}
