package cn.innovationchina.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Best-effort records for a broadcast topic: the producing side of an input binding whose group is empty
 * ({@code PlatformDefaults}), which every instance of the service reads whole. Not events of the contract and not
 * worth an outbox: a record that cannot be sent is logged and dropped. Sent from one thread of its own, in the order
 * given, so a slow or absent broker delays no caller. Each record names the instance that sent it: that instance
 * acts on it at once, as it sends it, and its own consumer skips it ({@link OwnBroadcastsSkipped}).
 */
public class Broadcasts implements AutoCloseable {

    /** The header naming the instance that sent a record. */
    public static final String ORIGIN_HEADER = "broadcast-origin";

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

    private final Producer<String, byte[]> producer;
    private final byte[] origin;
    private final Scheduler sender = Schedulers.newSingle("broadcasts");

    /** {@code origin} names this instance, as its broadcast consumers know it ({@code platform.broadcast.origin}). */
    public Broadcasts(Producer<String, byte[]> producer, String origin) {
        this.producer = producer;
        this.origin = originHeader(origin);
    }

    static byte[] originHeader(String origin) {
        return origin.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the record later, on the sender's thread; {@code what} names it in the log line if it is lost. */
    public void send(String topic, String key, byte[] value, String what) {
        sender.schedule(() -> {
            try {
                var record = new ProducerRecord<>(topic, null, key, value,
                        List.of(new RecordHeader(ORIGIN_HEADER, origin)));
                producer.send(record, (sent, failure) -> {
                    if (failure != null) {
                        lost(what, topic, failure);
                    }
                });
            } catch (RuntimeException e) {
                lost(what, topic, e);
            }
        });
    }

    private static void lost(String what, String topic, Exception failure) {
        log.warn("{} not broadcast on {}", what, topic, failure);
    }

    @Override
    public void close() {
        sender.dispose();
        producer.close(Duration.ofSeconds(5));
    }
}
