package cn.innovationchina.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import cn.innovationchina.testkit.RealInfrastructure;
import cn.innovationchina.testkit.TestClock;
import reactor.core.publisher.Mono;

/** Two relay instances lease the same outboxes in the Mongo stand-in; each lease answers to its owner only. */
class OutboxLeasesTest {

    private static final OutboxProperties PROPERTIES = new OutboxProperties(List.of("beacons"), null,
            Duration.ofSeconds(30), 0, Duration.ofSeconds(10), null);

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    private final TestClock firstClock = new TestClock();
    private final TestClock secondClock = new TestClock();
    private final OutboxLeases first = new OutboxLeases(mongo, PROPERTIES, firstClock, "first-relay");
    private final OutboxLeases second = new OutboxLeases(mongo, PROPERTIES, secondClock, "second-relay");

    @BeforeAll
    static void connect() {
        client = MongoClients.create(RealInfrastructure.get().mongoUri());
        mongo = new ReactiveMongoTemplate(client, "relay-leases-" + UUID.randomUUID());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void a_relay_whose_lease_lapsed_cannot_release_the_lease_another_relay_took_since() {
        String id = beaconWithPendingEvent("event-1");
        LeasedOutbox leasedBySecond = second.claim("beacons", new Document("_id", id));
        firstClock.advance(PROPERTIES.lease().plusSeconds(1));
        first.claim("beacons", new Document("_id", id));

        second.release(leasedBySecond, List.of("event-1"));

        Document beacon = beacon(id);
        assertThat(leaseOwner(beacon)).as("lease owner").isEqualTo("first-relay");
        assertThat(pendingEvents(beacon)).containsExactly("event-1");
    }

    @Test
    void a_relay_cannot_release_a_lease_it_never_held() {
        String id = beaconWithPendingEvent("event-1");
        LeasedOutbox leasedByFirst = first.claim("beacons", new Document("_id", id));

        second.release(leasedByFirst, List.of("event-1"));

        Document beacon = beacon(id);
        assertThat(leaseOwner(beacon)).as("lease owner").isEqualTo("first-relay");
        assertThat(pendingEvents(beacon)).containsExactly("event-1");
    }

    @Test
    void the_owner_releases_its_lease_and_removes_what_it_published() {
        String id = beaconWithPendingEvent("event-1", "event-2");
        LeasedOutbox leased = first.claim("beacons", new Document("_id", id));

        first.release(leased, List.of("event-1"));

        Document beacon = beacon(id);
        assertThat(beacon.containsKey(AggregateStore.LEASE)).as("leased").isFalse();
        assertThat(pendingEvents(beacon)).containsExactly("event-2");
    }

    @Test
    void a_live_lease_keeps_the_other_relay_out_until_it_lapses() {
        String id = beaconWithPendingEvent("event-1");
        first.claim("beacons", new Document("_id", id));

        assertThat(second.claim("beacons", new Document("_id", id))).as("claimed while leased").isNull();
        secondClock.advance(PROPERTIES.lease().plusSeconds(1));
        assertThat(second.claim("beacons", new Document("_id", id))).as("claimed once lapsed").isNotNull();
    }

    @Test
    void a_relay_waiting_on_a_slow_broker_renews_its_own_leases_and_not_the_one_another_relay_took() {
        String kept = beaconWithPendingEvent("event-1");
        String lost = beaconWithPendingEvent("event-2");
        var batch = new LeasedBatch();
        batch.add(first.claim("beacons", new Document("_id", kept)));
        batch.add(first.claim("beacons", new Document("_id", lost)));
        Instant firstUntil = leaseUntil(beacon(kept));
        secondClock.advance(PROPERTIES.lease().plusSeconds(1));
        Instant secondUntil = second.claim("beacons", new Document("_id", lost)).until();

        firstClock.advance(PROPERTIES.lease().minus(PROPERTIES.sendTimeout()));
        first.keepAlive(batch);

        assertThat(leaseOwner(beacon(kept))).isEqualTo("first-relay");
        assertThat(leaseUntil(beacon(kept))).as("renewed").isAfter(firstUntil.plus(PROPERTIES.sendTimeout()));
        assertThat(leaseOwner(beacon(lost))).isEqualTo("second-relay");
        assertThat(leaseUntil(beacon(lost))).as("untouched").isEqualTo(secondUntil.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void a_batch_quicker_than_its_lease_costs_no_renewal() {
        String id = beaconWithPendingEvent("event-1");
        var batch = new LeasedBatch();
        batch.add(first.claim("beacons", new Document("_id", id)));
        Instant until = leaseUntil(beacon(id));

        firstClock.advance(PROPERTIES.lease().minus(PROPERTIES.sendTimeout().multipliedBy(2)).minusSeconds(1));
        first.keepAlive(batch);

        assertThat(leaseUntil(beacon(id))).isEqualTo(until);
    }

    private static String beaconWithPendingEvent(String... eventIds) {
        String id = "leased-" + UUID.randomUUID();
        List<Document> outbox = Arrays.stream(eventIds).map(e -> new Document("eventId", e)).toList();
        mongo.getCollection("beacons").flatMap(c -> Mono.from(c.insertOne(new Document("_id", id)
                .append(AggregateStore.VERSION, 1L).append(AggregateStore.OUTBOX, outbox)))).block();
        return id;
    }

    private static Document beacon(String id) {
        return mongo.getCollection("beacons").flatMap(c -> Mono.from(c.find(new Document("_id", id)).first())).block();
    }

    private static String leaseOwner(Document beacon) {
        Document lease = beacon.get(AggregateStore.LEASE, Document.class);
        return lease == null ? null : lease.getString("owner");
    }

    private static Instant leaseUntil(Document beacon) {
        return beacon.get(AggregateStore.LEASE, Document.class).getDate("until").toInstant();
    }

    private static List<String> pendingEvents(Document beacon) {
        return beacon.getList(AggregateStore.OUTBOX, Document.class).stream().map(e -> e.getString("eventId"))
                .toList();
    }
}
