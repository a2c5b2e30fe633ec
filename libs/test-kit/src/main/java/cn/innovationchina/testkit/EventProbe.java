package cn.innovationchina.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.MalformedEventException;

/**
 * Watches topics from their beginning, as an independent consumer, so a test can expect what a service published:
 * {@code events.expect(DemandPublished.class, demandId).exactlyOnce()}. Declare it as
 * {@code @RegisterExtension static final EventProbe events = EventProbe.watching(Topics.DEMAND_EVENTS);} and it
 * closes itself after the test class.
 */
public final class EventProbe implements AutoCloseable, AfterAllCallback {

    /** How long an expectation waits for an event to arrive. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);
    /** How long {@code exactlyOnce} keeps watching for a second copy after the first arrived. */
    public static final Duration SETTLE = Duration.ofMillis(1500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private EventProbe(List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        poller = new Thread(this::poll, "event-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** Watches the given topics (dead-letter topics included) from their first record. */
    public static EventProbe watching(String... topics) {
        return new EventProbe(List.of(topics));
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    public <E extends DomainEvent> Expectation<E> expect(Class<E> type, String aggregateId) {
        return new Expectation<>(type, aggregateId);
    }

    /** Every event of the type for the aggregate seen so far, in arrival order. */
    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> List<EventEnvelope<E>> seen(Class<E> type, String aggregateId) {
        List<EventEnvelope<E>> matching = new ArrayList<>();
        for (var record : records) {
            try {
                var envelope = EventJson.read(record.value());
                if (type.isInstance(envelope.payload()) && envelope.aggregateId().equals(aggregateId)) {
                    matching.add((EventEnvelope<E>) (EventEnvelope<?>) envelope);
                }
            } catch (MalformedEventException e) {
                // not an event of the contract: only raw look-ups see it
            }
        }
        return matching;
    }

    /** Waits for a raw record on a topic, e.g. a poison message on a dead-letter topic. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> matching) {
        return Awaitility.await("a record on " + topic).atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> records.stream().filter(r -> r.topic().equals(topic)).filter(matching).findFirst()
                        .orElse(null), r -> r != null);
    }

    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** The types of the records keyed by an aggregate id on a topic, in the order a consumer reads them. */
    public List<String> typesInOrder(String topic, String aggregateId) {
        return records(topic).stream().filter(r -> aggregateId.equals(r.key()))
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
                .map(r -> EventJson.typeOf(r.value())).toList();
    }

    /** Waits long enough for a duplicate, if one were coming, to arrive. */
    public static void settle() {
        Awaitility.await().pollDelay(SETTLE).atMost(SETTLE.plusSeconds(1)).until(() -> true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }

    public final class Expectation<E extends DomainEvent> {

        private final Class<E> type;
        private final String aggregateId;

        private Expectation(Class<E> type, String aggregateId) {
            this.type = type;
            this.aggregateId = aggregateId;
        }

        /** Waits for the first such event and returns it. */
        public EventEnvelope<E> atLeastOnce() {
            return Awaitility.await(type.getSimpleName() + " of " + aggregateId).atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> seen(type, aggregateId), list -> !list.isEmpty()).get(0);
        }

        /** Waits for the event, then checks that no second record of it (same type and aggregate) follows. */
        public EventEnvelope<E> exactlyOnce() {
            var first = atLeastOnce();
            settle();
            assertThat(seen(type, aggregateId)).as("%s records of %s", type.getSimpleName(), aggregateId).hasSize(1);
            return first;
        }

        /** Checks that no such event arrives within the settle time. */
        public void never() {
            settle();
            assertThat(seen(type, aggregateId)).as("%s of %s", type.getSimpleName(), aggregateId).isEmpty();
        }
    }
}
