package cn.innovationchina.testkit;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;

/**
 * Plays another service: publishes event envelopes (or any bytes, for poison messages) to the real broker, keyed
 * as the platform keys them, and waits for the broker's acknowledgement.
 */
public final class EventPublisher {

    private static KafkaProducer<String, byte[]> producer;

    private EventPublisher() {
    }

    public static void publish(EventEnvelope<?> event) {
        publishRaw(event.topic(), event.aggregateId(), EventJson.write(event));
    }

    public static void publishRaw(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Publishing to " + topic + " failed", e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RealInfrastructure.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "event-publisher-close"));
        }
        return producer;
    }
}
