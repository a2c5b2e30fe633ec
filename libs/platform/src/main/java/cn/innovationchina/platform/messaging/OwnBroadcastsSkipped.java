package cn.innovationchina.platform.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Drops, as the broadcast consumer polls, the records this instance sent itself: it already acted on them when it
 * sent them ({@link Broadcasts}), and a record dropped here costs none of the binding's delivery, which was most of
 * what reading one's own broadcasts cost (ADR 0081). Kafka creates it from the binding's consumer configuration,
 * whose {@value #ORIGIN} names the instance ({@code PlatformDefaults} sets both).
 */
public class OwnBroadcastsSkipped implements ConsumerInterceptor<Object, Object> {

    /** The consumer setting that carries this instance's origin to the interceptor. */
    public static final String ORIGIN = "platform.broadcast.origin";

    private byte[] origin = new byte[0];

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(ORIGIN);
        if (configured == null) {
            throw new IllegalStateException(ORIGIN + " is not set on the broadcast consumer");
        }
        origin = Broadcasts.originHeader(configured.toString());
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        Map<TopicPartition, List<ConsumerRecord<Object, Object>>> others = new HashMap<>();
        boolean skipped = false;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<Object, Object>> kept = new ArrayList<>();
            for (ConsumerRecord<Object, Object> record : records.records(partition)) {
                if (sentHere(record)) {
                    skipped = true;
                } else {
                    kept.add(record);
                }
            }
            if (!kept.isEmpty()) {
                others.put(partition, kept);
            }
        }
        return skipped ? new ConsumerRecords<>(others, records.nextOffsets()) : records;
    }

    private boolean sentHere(ConsumerRecord<Object, Object> record) {
        Header sender = record.headers().lastHeader(Broadcasts.ORIGIN_HEADER);
        return sender != null && Arrays.equals(sender.value(), origin);
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // Nothing to do: the interceptor only filters what a poll returns.
    }

    @Override
    public void close() {
        // Holds nothing to release.
    }
}
