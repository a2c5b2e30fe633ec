package cn.innovationchina.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import cn.innovationchina.platform.PlatformDefaults;
import cn.innovationchina.testkit.RealInfrastructure;

/**
 * Two instances announce on one broadcast topic of the real broker; each instance's broadcast consumer, configured
 * as the platform configures the binding, reads what the other sent and not what it sent itself (ADR 0081).
 */
class BroadcastsTest {

    private static final String BINDING = "liveEntries-in-0";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final String topic = "broadcasts-" + UUID.randomUUID();

    @Test
    void an_instance_reads_the_broadcasts_of_the_others_and_not_its_own() throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, RealInfrastructure.PARTITIONS, (short) 1))).all().get();
        }
        var first = instance();
        var second = instance();
        try (var firstReads = consumer(first); var secondReads = consumer(second);
                var firstSends = broadcasts(first); var secondSends = broadcasts(second)) {

            firstSends.send(topic, "city-1", bytes("from the first"), "a test record");
            secondSends.send(topic, "city-1", bytes("from the second"), "a test record");
            firstSends.send(topic, "city-1", bytes("the first again"), "a test record");

            assertThat(readUntil(firstReads, 1)).containsExactly("from the second");
            assertThat(readUntil(secondReads, 2)).containsExactly("from the first", "the first again");
        }
    }

    /** A service's environment after the platform's defaults, with a broadcast binding on the test topic. */
    private StandardEnvironment instance() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", Map.of(
                "spring.application.name", "notification-service",
                "spring.cloud.stream.bindings." + BINDING + ".destination", topic,
                "spring.cloud.stream.bindings." + BINDING + ".group", "")));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    /** Reads the topic from its start with the consumer configuration the platform gives the binding. */
    private static KafkaConsumer<String, byte[]> consumer(StandardEnvironment instance) {
        Map<String, Object> settings = new HashMap<>();
        String prefix = "spring.cloud.stream.kafka.bindings." + BINDING + ".consumer.configuration.";
        for (String key : List.of(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, OwnBroadcastsSkipped.ORIGIN)) {
            settings.put(key, instance.getRequiredProperty(prefix + key));
        }
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers());
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(settings);
    }

    private static Broadcasts broadcasts(StandardEnvironment instance) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new Broadcasts(new KafkaProducer<>(settings), instance.getRequiredProperty(OwnBroadcastsSkipped.ORIGIN));
    }

    /** What the consumer gets once {@code expected} records arrived, and for a further second, in order. */
    private List<String> readUntil(KafkaConsumer<String, byte[]> consumer, int expected) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<String> read = new ArrayList<>();
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        long settled = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(giveUp, settled)) {
            consumer.poll(Duration.ofMillis(100))
                    .forEach(record -> read.add(new String(record.value(), StandardCharsets.UTF_8)));
            if (read.size() >= expected && settled == Long.MAX_VALUE) {
                settled = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
        }
        return read;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
