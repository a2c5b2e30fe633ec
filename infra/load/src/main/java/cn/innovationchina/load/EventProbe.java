package cn.innovationchina.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code demand.events} and {@code match.events} from their end, outside any consumer group (it must not take
 * partitions from the services): notes when each demand's MatchesProposed arrived and how many providers it proposed,
 * and the distinct ids of each demand's DemandPublished and MatchesProposed events.
 */
public final class EventProbe implements AutoCloseable {

    private static final List<String> TOPICS = List.of("demand.events", "match.events");
    private static final Set<String> TRACED = Set.of("DemandPublished", "MatchesProposed");
    private static final String LATE_COMER_TRIGGER = "PROVIDER_CHANGED";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final Observations observations;
    private final Thread thread;
    private volatile boolean running = true;

    public EventProbe(String bootstrap, Observations observations) {
        this.observations = observations;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic,
                Duration.ofSeconds(30)).stream().map(info -> new TopicPartition(topic, info.partition()))).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::read, "event-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        while (running) {
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                String type = header(record.headers().lastHeader("eventType"));
                if (!TRACED.contains(type)) {
                    continue;
                }
                try {
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode demandId = event.findValue("demandId");
                    if (demandId == null) {
                        continue;
                    }
                    JsonNode trigger = event.findValue("trigger");
                    if (type.equals("MatchesProposed") && trigger != null
                            && trigger.asString().equals(LATE_COMER_TRIGGER)) {
                        // A provider that joined later, proposed to the open demand: news of its own, not a ranking.
                        observations.noteEvent(Observations.LATE_COMER, demandId.asString(),
                                header(record.headers().lastHeader("eventId")));
                        continue;
                    }
                    observations.noteEvent(type, demandId.asString(), header(record.headers().lastHeader("eventId")));
                    if (type.equals("MatchesProposed")) {
                        JsonNode proposals = event.findValue("proposals");
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

    private static String header(Header header) {
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
