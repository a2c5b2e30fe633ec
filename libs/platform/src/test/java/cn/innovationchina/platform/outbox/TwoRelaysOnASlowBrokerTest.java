package cn.innovationchina.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.Topics;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.platform.testaggregate.Beacon;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.RealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Two instances of a service relay the same outboxes, over the real broker and the Mongo stand-in, while the broker
 * acknowledges slowly: one relay's batch takes longer than its lease. Each event must still reach Kafka once.
 */
class TwoRelaysOnASlowBrokerTest {

    @RegisterExtension
    static final EventProbe events = EventProbe.watching(Topics.DEMAND_EVENTS);

    /** A 4.5 s lease, and batches of 20 documents, whose broker may fall silent for up to 1.5 s. */
    private static final OutboxProperties SHORT_LEASES = new OutboxProperties(List.of("beacons"),
            Duration.ofMillis(100), Duration.ofMillis(4500), 20, Duration.ofMillis(1500), Duration.ofSeconds(1));
    /** 20 documents of two events at 150 ms per acknowledgement: a batch waits 6 s for the broker. */
    private static final long ACKNOWLEDGEMENT_DELAY_MILLIS = 150;
    private static final int BEACONS = 30;

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(RealInfrastructure.get().mongoUri());
        mongo = new ReactiveMongoTemplate(client, "relay-race-" + UUID.randomUUID());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void two_relays_on_a_broker_slower_than_the_lease_publish_every_event_once_and_in_order() {
        try (var first = new Instance("first"); var second = new Instance("second")) {
            // Given 30 beacons, each submitted then published, written through the first instance while no relay runs
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < BEACONS; i++) {
                ids.add(first.writesABeacon());
            }

            // When the first relay leases a whole batch and waits 6 s for its acknowledgements against a 4.5 s lease,
            // and the second relay starts beside it, looking for outboxes whose lease has lapsed
            first.relay.start();
            Eventually.awaitState("the first relay to lease a whole batch", this::leased,
                    leased -> leased >= SHORT_LEASES.batchSize());
            second.relay.start();

            // Then every event reaches Kafka exactly once, each beacon's in the order written
            ids.forEach(id -> events.expect(DemandPublished.class, id).atLeastOnce());
            Eventually.awaitState("every outbox emptied and every lease given up", this::pendingOrLeased,
                    left -> left == 0);
            EventProbe.settle();
            assertThat(ids).allSatisfy(id -> assertThat(events.typesInOrder(Topics.DEMAND_EVENTS, id)).as(id)
                    .containsExactly("DemandSubmitted", "DemandPublished"));
            assertThat(first.eventsPublished() + second.eventsPublished()).as("events the two relays published")
                    .isEqualTo(2.0 * BEACONS);
            assertThat(second.eventsPublished()).as("events the second relay found for itself").isPositive();
        }
    }

    private long leased() {
        return count(new Document(AggregateStore.LEASE, new Document("$exists", true)));
    }

    private long pendingOrLeased() {
        return count(new Document("$or", List.of(new Document(AggregateStore.OUTBOX + ".0",
                new Document("$exists", true)), new Document(AggregateStore.LEASE, new Document("$exists", true)))));
    }

    private long count(Document filter) {
        return mongo.getCollection("beacons").flatMap(c -> Mono.from(c.countDocuments(filter))).block();
    }

    /** One instance of the service: its relay, with its own producer to the slow broker, and its store. */
    private static final class Instance implements AutoCloseable {

        private final KafkaTemplate<String, byte[]> producer;
        private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        private final OutboxRelay relay;
        private final AggregateStore store;

        Instance(String name) {
            producer = SlowBroker.producer("relay-race-" + name, ACKNOWLEDGEMENT_DELAY_MILLIS);
            // Connected and knowing the topic before the race, so no send waits for the producer to start.
            producer.partitionsFor(Topics.DEMAND_EVENTS);
            relay = new OutboxRelay(mongo, producer, SHORT_LEASES, Clock.systemUTC(), meters);
            store = new AggregateStore(mongo, SHORT_LEASES, relay, "relay-race", Clock.systemUTC(),
                    OutboxTracing.none());
        }

        String writesABeacon() {
            String id = "race-" + UUID.randomUUID();
            var beacon = new Beacon(id, "beacon " + id, "XIANNING", "note", null);
            long version = store.create(beacon, id, "XIANNING", List.of(submitted(id))).block();
            store.update(beacon, id, version, "XIANNING", List.of(published(id))).block();
            return id;
        }

        double eventsPublished() {
            return meters.get("platform.outbox.published").counter().count();
        }

        @Override
        public void close() {
            relay.stop();
            producer.getProducerFactory().reset();
        }
    }

    private static DemandSubmitted submitted(String id) {
        return new DemandSubmitted(id, "e-1", "XIANNING", "beacon " + id, List.of("IT.AI"), false);
    }

    private static DemandPublished published(String id) {
        return new DemandPublished(id, new EnterpriseRef("e-1", "E", "X", "421200"), "XIANNING",
                new DemandContent("beacon " + id, "", List.of("p"), "", List.of("IT.AI"), List.of(), List.of(),
                        new BudgetRange(null, null), LocalDate.of(2030, 1, 1), Visibility.PUBLIC, null),
                Instant.now());
    }
}
