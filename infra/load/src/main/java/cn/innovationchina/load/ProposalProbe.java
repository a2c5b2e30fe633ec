package cn.innovationchina.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code match.events} from its end, outside any consumer group (it must not take partitions from the
 * services), and notes when each demand's MatchesProposed arrived and how many providers it proposed.
 */
final class ProposalProbe implements AutoCloseable {

    static final String TOPIC = "match.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final Observations observations;
    private final Thread thread;
    private volatile boolean running = true;

    ProposalProbe(String bootstrap, Observations observations) {
        this.observations = observations;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::read, "proposal-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        while (running) {
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                Header type = record.headers().lastHeader("eventType");
                if (type == null || !"MatchesProposed".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                    continue;
                }
                try {
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode demandId = event.findValue("demandId");
                    JsonNode proposals = event.findValue("proposals");
                    if (demandId != null) {
                        observations.proposed.putIfAbsent(demandId.asString(),
                                new Observations.Proposed(now, proposals == null ? 0 : proposals.size()));
                    }
                } catch (RuntimeException e) {
                    // Not an event of ours (a fault scenario's malformed record): nothing to time.
                }
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
