package cn.innovationchina.platform.testaggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.Topics;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.outbox.OutboxRelay;
import cn.innovationchina.platform.problem.StaleVersion;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

@ServiceTest
class OutboxRelayTest {

    @RegisterExtension
    static final EventProbe events = EventProbe.watching(Topics.DEMAND_EVENTS);

    @Autowired
    AggregateStore store;
    @Autowired
    OutboxRelay relay;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void every_outboxed_event_reaches_kafka_once_and_in_order_even_when_the_relay_stops_midway() {
        relay.stop();
        List<String> ids = submittedThenPublished("relay-", 40);
        double before = publishedSoFar();

        relay.start();
        Eventually.awaitState("the relay to publish some", this::publishedSoFar, n -> n > before);
        relay.stop();
        double whenStopped = publishedSoFar();
        relay.start();

        expectEachPublishedOnceInOrder(ids);
        assertThat(whenStopped - before).as("published before the stop").isBetween(1.0, 79.0);
        Eventually.awaitState("every outbox emptied", () -> mongo.getCollection("beacons")
                .flatMap(c -> Mono.from(c.countDocuments(new Document("outbox.0", new Document("$exists", true)))))
                .block(), pending -> pending == 0);
    }

    @Test
    void a_write_hands_the_relay_its_events_which_are_published_without_the_document_read_again() {
        String id = "leased-" + UUID.randomUUID();
        double claimsBefore = beaconCommands("findAndModify");
        double updatesBefore = beaconCommands("update");

        long version = store.create(beacon(id), id, "XIANNING", List.of(submitted(id))).block();
        events.expect(DemandSubmitted.class, id).exactlyOnce();
        awaitNoEventWaiting(id);
        store.update(beacon(id), id, version, "XIANNING", List.of(published(id))).block();
        events.expect(DemandPublished.class, id).exactlyOnce();
        awaitNoEventWaiting(id);

        assertThat(events.typesInOrder(Topics.DEMAND_EVENTS, id)).containsExactly("DemandSubmitted",
                "DemandPublished");
        assertThat(beaconCommands("findAndModify") - claimsBefore).as("documents claimed and read").isZero();
        assertThat(beaconCommands("update") - updatesBefore).as("the update and both releases").isEqualTo(3);
    }

    @Test
    void writes_one_after_another_while_earlier_events_still_wait_publish_every_event_once_and_in_order() {
        List<String> ids = submittedThenPublished("hurried-", 20);

        expectEachPublishedOnceInOrder(ids);
        ids.forEach(this::awaitNoEventWaiting);
    }

    @Test
    void aggregates_created_together_are_each_stored_and_published_and_an_id_already_taken_is_left_alone() {
        String taken = "relay-" + UUID.randomUUID();
        store.create(beacon(taken), taken, "XIANNING", List.of(submitted(taken))).block();
        List<String> fresh = List.of("relay-" + UUID.randomUUID(), "relay-" + UUID.randomUUID());

        var created = store.createAll(List.of(
                new AggregateStore.NewAggregate(beacon(fresh.get(0)), fresh.get(0), "XIANNING",
                        List.of(submitted(fresh.get(0)))),
                new AggregateStore.NewAggregate(beacon(taken), taken, "XIANNING", List.of(submitted(taken))),
                new AggregateStore.NewAggregate(beacon(fresh.get(1)), fresh.get(1), "XIANNING",
                        List.of(submitted(fresh.get(1)))))).block();

        assertThat(created).containsExactlyInAnyOrderElementsOf(fresh);
        for (String id : fresh) {
            events.expect(DemandSubmitted.class, id).exactlyOnce();
        }
        events.expect(DemandSubmitted.class, taken).exactlyOnce();
    }

    @Test
    void a_write_based_on_a_stale_version_changes_nothing_and_publishes_nothing() {
        String id = "stale-" + UUID.randomUUID();
        long version = store.create(beacon(id), id, "XIANNING", List.of(submitted(id))).block();
        store.update(beacon(id), id, version, "XIANNING", List.of(published(id))).block();

        assertThatThrownBy(() -> store.update(new Beacon(id, "overwritten", "XIANNING", null, null), id, version,
                "XIANNING", List.of(published(id))).block()).isInstanceOf(StaleVersion.class);

        assertThat(mongo.findById(id, Beacon.class).block().title()).isEqualTo("beacon " + id);
        events.expect(DemandPublished.class, id).exactlyOnce();
    }

    @Test
    void an_event_carries_the_catalogue_identity_and_the_writer_as_producer() {
        String id = "envelope-" + UUID.randomUUID();
        store.create(beacon(id), id, "XIANNING", List.of(submitted(id))).block();

        EventEnvelope<DemandSubmitted> event = events.expect(DemandSubmitted.class, id).atLeastOnce();

        assertThat(event.type()).isEqualTo("DemandSubmitted");
        assertThat(event.aggregateType()).isEqualTo("Demand");
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.producer()).isEqualTo("platform-test");
        assertThat(event.cityCode()).isEqualTo("XIANNING");
        assertThat(event.correlationId()).isNotBlank();
        assertThat(event.payload().title()).isEqualTo("beacon " + id);
    }

    @Test
    void an_event_held_back_shows_in_the_backlog_with_its_age_until_it_is_published() {
        relay.stop();
        String id = "backlog-" + UUID.randomUUID();
        store.create(beacon(id), id, "XIANNING", List.of(submitted(id))).block();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        Instant later = Instant.now().plus(Duration.ofHours(1));
        mongo.getCollection("beacons").flatMap(c -> Mono.from(c.updateOne(new Document("_id", id), new Document("$set",
                new Document("outbox.0.occurredAt", Date.from(anHourAgo)).append("outboxLease",
                        new Document("owner", "another-instance").append("until", Date.from(later))))))).block();

        relay.start();

        Eventually.awaitState("the held-back event's age in the backlog, in seconds",
                () -> gauge("platform.outbox.oldest.age"), age -> age >= 3600);
        assertThat(gauge("platform.outbox.pending")).isGreaterThanOrEqualTo(1);

        mongo.getCollection("beacons").flatMap(c -> Mono.from(c.updateOne(new Document("_id", id),
                new Document("$unset", new Document("outboxLease", ""))))).block();
        relay.wakeUp();

        events.expect(DemandSubmitted.class, id).exactlyOnce();
        Eventually.awaitState("the backlog to forget it", () -> gauge("platform.outbox.oldest.age"),
                age -> age < 3600);
    }

    /** Beacons each created with one event and updated with another at once. */
    private List<String> submittedThenPublished(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + UUID.randomUUID();
            ids.add(id);
            long version = store.create(beacon(id), id, "XIANNING", List.of(submitted(id))).block();
            store.update(beacon(id), id, version, "XIANNING", List.of(published(id))).block();
        }
        return ids;
    }

    private void expectEachPublishedOnceInOrder(List<String> ids) {
        for (String id : ids) {
            events.expect(DemandPublished.class, id).atLeastOnce();
        }
        EventProbe.settle();
        for (String id : ids) {
            assertThat(events.typesInOrder(Topics.DEMAND_EVENTS, id)).as("events of %s", id)
                    .containsExactly("DemandSubmitted", "DemandPublished");
        }
    }

    /** The commands of one kind the services' Mongo client sent to the test collection so far. */
    private double beaconCommands(String command) {
        return meters.find("mongodb.driver.commands").tag("command", command).tag("collection", "beacons").timers()
                .stream().mapToDouble(timer -> timer.count()).sum();
    }

    private void awaitNoEventWaiting(String id) {
        Eventually.awaitState("the outbox of " + id + " emptied and its lease given up", () -> mongo
                .getCollection("beacons").flatMap(c -> Mono.from(c.find(new Document("_id", id)).first())).block(),
                beacon -> beacon.getList("outbox", Document.class).isEmpty() && !beacon.containsKey("outboxLease"));
    }

    /** A backlog gauge of the test collection; the age is in seconds, Prometheus's base unit. */
    private double gauge(String name) {
        return meters.get(name).tag("collection", "beacons").gauge().value();
    }

    private double publishedSoFar() {
        return meters.get("platform.outbox.published").counter().count();
    }

    private static Beacon beacon(String id) {
        return new Beacon(id, "beacon " + id, "XIANNING", "note", null);
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
