package cn.innovationchina.gateway.scenarios;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import reactor.core.publisher.Flux;

/** Request bodies streamed in chunks, without a declared length, as a client uploading a file sends them. */
final class Uploads {

    private Uploads() {
    }

    /** Twenty times the services' 256 KB limit. */
    static Flux<DataBuffer> fiveMegabytesInChunks() {
        return chunks(80, 64 * 1024);
    }

    static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }
}
