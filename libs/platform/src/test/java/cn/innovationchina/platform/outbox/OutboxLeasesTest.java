package cn.innovationchina.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

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

    private static final String DATABASE = "relay-leases-" + UUID.randomUUID();

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    private final TestClock firstClock = new TestClock();
    private final TestClock secondClock = new TestClock();
    private final OutboxLeases first = new OutboxLeases(mongo, PROPERTIES, firstClock, "first-relay");
    private final OutboxLeases second = new OutboxLeases(mongo, PROPERTIES, secondClock, "second-relay");

    @BeforeAll
    static void connect() {
        client = MongoClients.create(RealInfrastructure.get().mongoUri());
        mongo = new ReactiveMongoTemplate(client, DATABASE);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void a_relay_whose_lease_lapsed_cannot_release_the_lease_another_relay_took_since() {
        String id = beaconWithPendingEvent("event-1");
        LeasedOutbox leasedBySecond = claimOne(second, id);
        firstClock.advance(PROPERTIES.lease().plusSeconds(1));
        claimOne(first, id);

        second.release(List.of(leasedBySecond), List.of("event-1"));

        Document beacon = beacon(id);
        assertThat(leaseOwner(beacon)).as("lease owner").isEqualTo("first-relay");
        assertThat(pendingEvents(beacon)).containsExactly("event-1");
    }

    @Test
    void a_relay_cannot_release_a_lease_it_never_held() {
        String id = beaconWithPendingEvent("event-1");
        LeasedOutbox leasedByFirst = claimOne(first, id);

        second.release(List.of(leasedByFirst), List.of("event-1"));

        Document beacon = beacon(id);
        assertThat(leaseOwner(beacon)).as("lease owner").isEqualTo("first-relay");
        assertThat(pendingEvents(beacon)).containsExactly("event-1");
    }

    @Test
    void the_owner_releases_its_lease_and_removes_what_it_published() {
        String id = beaconWithPendingEvent("event-1", "event-2");
        LeasedOutbox leased = claimOne(first, id);

        first.release(List.of(leased), List.of("event-1"));

        Document beacon = beacon(id);
        assertThat(beacon.containsKey(AggregateStore.LEASE)).as("leased").isFalse();
        assertThat(pendingEvents(beacon)).containsExactly("event-2");
    }

    @Test
    void a_live_lease_keeps_the_other_relay_out_until_it_lapses() {
        String id = beaconWithPendingEvent("event-1");
        claimOne(first, id);

        assertThat(claimOne(second, id)).as("claimed while leased").isNull();
        secondClock.advance(PROPERTIES.lease().plusSeconds(1));
        assertThat(claimOne(second, id)).as("claimed once lapsed").isNotNull();
    }

    @Test
    void a_document_named_to_the_relay_that_leased_it_and_left_it_idle_is_claimed_again_at_once_by_that_relay_only() {
        String id = beaconWithPendingEvent("event-1");
        claimOne(first, id);

        assertThat(claimOne(second, id)).as("claimed by the other relay").isNull();
        assertThat(first.claimPending("beacons", 1000)).as("found by its own scan").extracting(LeasedOutbox::id)
                .doesNotContain(id);
        assertThat(claimOne(first, id)).as("claimed again by its owner").isNotNull();
    }

    @Test
    void leases_given_up_by_their_owner_free_the_documents_and_keep_their_events_for_the_next_scan() {
        String given = beaconWithPendingEvent("event-1");
        String takenBySecond = beaconWithPendingEvent("event-2");
        LeasedOutbox leased = claimOne(first, given);
        LeasedOutbox stillFirsts = claimOne(first, takenBySecond);
        secondClock.advance(PROPERTIES.lease().plusSeconds(1));
        claimOne(second, takenBySecond);

        first.giveUp(List.of(leased, stillFirsts));

        assertThat(beacon(given).containsKey(AggregateStore.LEASE)).as("leased").isFalse();
        assertThat(pendingEvents(beacon(given))).containsExactly("event-1");
        assertThat(leaseOwner(beacon(takenBySecond))).isEqualTo("second-relay");
        assertThat(claimOne(second, given)).as("claimed by the other relay").isNotNull();
    }

    @Test
    void a_relay_waiting_on_a_slow_broker_renews_its_own_leases_and_not_the_one_another_relay_took() {
        String kept = beaconWithPendingEvent("event-1");
        String lost = beaconWithPendingEvent("event-2");
        var batch = new LeasedBatch();
        batch.add(claimOne(first, kept));
        batch.add(claimOne(first, lost));
        Instant firstUntil = leaseUntil(beacon(kept));
        secondClock.advance(PROPERTIES.lease().plusSeconds(1));
        Instant secondUntil = claimOne(second, lost).until();

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
        batch.add(claimOne(first, id));
        Instant until = leaseUntil(beacon(id));

        firstClock.advance(PROPERTIES.lease().minus(PROPERTIES.sendTimeout().multipliedBy(2)).minusSeconds(1));
        first.keepAlive(batch);

        assertThat(leaseUntil(beacon(id))).isEqualTo(until);
    }

    @Test
    void one_command_by_id_leases_the_named_documents_that_wait_and_are_free_in_the_order_named() {
        String waiting = beaconWithPendingEvent("event-1");
        String published = beaconWithPendingEvent();
        String takenBySecond = beaconWithPendingEvent("event-3");
        String alsoWaiting = beaconWithPendingEvent("event-4", "event-5");
        claimOne(second, takenBySecond);
        var scans = RealInfrastructure.get().mongoScans();
        scans.clear();

        var leased = first.claim("beacons", List.of(alsoWaiting, published, takenBySecond, waiting));
        first.release(leased, List.of());

        assertThat(scans.snapshot()).as("collections read whole").doesNotContainKey(DATABASE + ".beacons");

        assertThat(leased).extracting(LeasedOutbox::id).containsExactly(alsoWaiting, waiting);
        assertThat(leased.get(0).outbox()).extracting(e -> e.getString("eventId")).containsExactly("event-4",
                "event-5");
        assertThat(leaseOwner(beacon(takenBySecond))).isEqualTo("second-relay");
    }

    @Test
    void one_document_named_alone_is_leased_with_its_outbox_by_id_and_only_if_it_waits() {
        String waiting = beaconWithPendingEvent("event-1", "event-2");
        String published = beaconWithPendingEvent();
        var scans = RealInfrastructure.get().mongoScans();
        scans.clear();

        LeasedOutbox leased = claimOne(first, waiting);
        LeasedOutbox nothingToPublish = claimOne(first, published);

        assertThat(scans.snapshot()).as("collections read whole").doesNotContainKey(DATABASE + ".beacons");
        assertThat(leased.outbox()).extracting(e -> e.getString("eventId")).containsExactly("event-1", "event-2");
        assertThat(leaseOwner(beacon(waiting))).isEqualTo("first-relay");
        assertThat(leaseUntil(beacon(waiting))).isEqualTo(leased.until());
        assertThat(nothingToPublish).isNull();
        assertThat(beacon(published).containsKey(AggregateStore.LEASE)).as("leased").isFalse();
    }

    @Test
    void a_batch_is_released_in_one_command_and_a_lease_another_relay_took_keeps_its_events() {
        String kept = beaconWithPendingEvent("event-1", "event-2");
        String lost = beaconWithPendingEvent("event-3");
        var leased = first.claim("beacons", List.of(kept, lost));
        secondClock.advance(PROPERTIES.lease().plusSeconds(1));
        claimOne(second, lost);

        int held = first.release(leased, List.of("event-1", "event-3"));

        assertThat(held).as("leases still held").isEqualTo(1);
        assertThat(beacon(kept).containsKey(AggregateStore.LEASE)).as("leased").isFalse();
        assertThat(pendingEvents(beacon(kept))).containsExactly("event-2");
        assertThat(leaseOwner(beacon(lost))).isEqualTo("second-relay");
        assertThat(pendingEvents(beacon(lost))).containsExactly("event-3");
    }

    @Test
    void a_scan_leases_up_to_its_limit_of_the_documents_that_wait() {
        String collection = "scanned-" + UUID.randomUUID();
        var waiting = List.of(beaconIn(collection, "event-1"),
                beaconIn(collection, "event-2"), beaconIn(collection, "event-3"));
        beaconIn(collection);

        var leased = first.claimPending(collection, 2);
        var rest = first.claimPending(collection, 10);

        assertThat(leased).hasSize(2);
        assertThat(Stream.concat(leased.stream(), rest.stream()).map(LeasedOutbox::id))
                .containsExactlyInAnyOrderElementsOf(waiting);
    }

    private static LeasedOutbox claimOne(OutboxLeases relay, String id) {
        var leased = relay.claim("beacons", List.of(id));
        return leased.isEmpty() ? null : leased.get(0);
    }

    private static String beaconWithPendingEvent(String... eventIds) {
        return beaconIn("beacons", eventIds);
    }

    private static String beaconIn(String collection, String... eventIds) {
        String id = "leased-" + UUID.randomUUID();
        List<Document> outbox = Arrays.stream(eventIds).map(e -> new Document("eventId", e)).toList();
        mongo.getCollection(collection).flatMap(c -> Mono.from(c.insertOne(new Document("_id", id)
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
