package cn.innovationchina.testkit;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls whose answer may be a live stream, which answers its status and then stays open. */
public final class LiveStreams {

    private LiveStreams() {
    }

    /**
     * The status of the answer, after which the stream is let go; whatever part of a body arrived with the status is
     * released, so a refusal's problem document is not left to the collector.
     */
    public static int statusOf(WebTestClient.RequestHeadersSpec<?> sent) {
        var result = sent.exchange().returnResult(DataBuffer.class);
        result.getResponseBody().subscribe(DataBufferUtils::release).dispose();
        return result.getStatus().value();
    }
}
