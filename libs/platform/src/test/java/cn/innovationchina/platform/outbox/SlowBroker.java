package cn.innovationchina.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import cn.innovationchina.testkit.RealInfrastructure;

/**
 * The test's real Kafka broker as a producer sees it when the broker is slow: every record is stored at once, but
 * its acknowledgement reaches the producer only a fixed delay after the previous one. The delay sits in a
 * {@link ProducerInterceptor}, which the producer's network thread calls before it completes each record's future,
 * so the acknowledgements of one batch arrive one after the other, as from a broker that is slow to answer.
 */
public final class SlowBroker implements ProducerInterceptor<String, byte[]> {

    private static final String DELAY = "slow-broker.acknowledgement-delay-ms";

    private long delayMillis;

    /** A producer like the platform's outbox producer (idempotent, acks=all) whose acknowledgements come slowly. */
    static KafkaTemplate<String, byte[]> producer(String name, long acknowledgementDelayMillis) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, name);
        config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, SlowBroker.class.getName());
        config.put(DELAY, acknowledgementDelayMillis);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        delayMillis = Long.parseLong(String.valueOf(configs.get(DELAY)));
    }

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
