package cn.innovationchina.platform.testaggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.DemandClosed;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.Topics;
import cn.innovationchina.platform.messaging.InboundEvents;
import cn.innovationchina.platform.messaging.ProcessedEventsJanitor;
import cn.innovationchina.platform.persistence.DocumentIds;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.EventPublisher;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import reactor.core.publisher.Mono;

@ServiceTest
class IdempotentConsumerTest {

    private static final String DEAD_LETTERS = Topics.deadLetters(Topics.DEMAND_EVENTS, "platform-test");
    @RegisterExtension
    static final EventProbe deadLetters = EventProbe.watching(DEAD_LETTERS);

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ProcessedEventsJanitor janitor;

    @Test
    void an_event_delivered_twice_has_one_effect() {
        var event = submission("twice-" + UUID.randomUUID(), "hydrogen");

        send(event);
        send(event);
        var later = submission("after-twice-" + UUID.randomUUID(), "hydrogen");
        send(later);

        awaitSightings(later.aggregateId(), 1);
        assertThat(sightings(event.aggregateId())).isEqualTo(1);
        assertThat(BeaconWatcher.ATTEMPTS.get(event.aggregateId()).get()).isEqualTo(1);
    }

    @Test
    void a_failing_event_is_retried_then_dead_lettered_and_the_next_one_still_flows() {
        var poison = submission("poison-" + UUID.randomUUID(), "poison");
        var next = submission("next-" + UUID.randomUUID(), "hydrogen");

        send(poison);
        send(next);

        var dead = deadLetters.awaitRecord(DEAD_LETTERS, r -> poison.aggregateId().equals(r.key()));
        assertThat(EventJson.read(dead.value()).eventId()).isEqualTo(poison.eventId());
        assertThat(BeaconWatcher.ATTEMPTS.get(poison.aggregateId()).get()).as("attempts").isEqualTo(3);
        awaitSightings(next.aggregateId(), 1);
        assertThat(sightings(poison.aggregateId())).isZero();
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letters_without_retries_and_the_next_one_still_flows() {
        String key = "garbage-" + UUID.randomUUID();
        EventPublisher.publishRaw(Topics.DEMAND_EVENTS, key, "{not an event".getBytes(StandardCharsets.UTF_8));
        var next = submission("after-garbage-" + UUID.randomUUID(), "hydrogen");
        send(next);

        var dead = deadLetters.awaitRecord(DEAD_LETTERS, r -> key.equals(r.key()));
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
        awaitSightings(next.aggregateId(), 1);
    }

    @Test
    void an_event_type_this_build_does_not_know_is_skipped_not_dead_lettered() {
        String key = "future-" + UUID.randomUUID();
        String future = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"DemandTeleported\",\"aggregateId\":\""
                + key + "\",\"payload\":{}}";
        EventPublisher.publishRaw(Topics.DEMAND_EVENTS, key, future.getBytes(StandardCharsets.UTF_8));
        var next = submission("after-future-" + UUID.randomUUID(), "hydrogen");
        send(next);

        awaitSightings(next.aggregateId(), 1);
        EventProbe.settle();
        assertThat(deadLetters.records(DEAD_LETTERS)).noneMatch(r -> key.equals(r.key()));
    }

    @Test
    void an_event_whose_handlers_change_nothing_visible_is_still_handled_once() {
        String demandId = "withdrawn-" + UUID.randomUUID();
        var withdrawal = EventEnvelope.wrap(new DemandWithdrawn(demandId, "e-1", "XIANNING", "changed plans"),
                demandId, 2, "XIANNING", new EventEnvelope.Tracing("corr-" + demandId, null), "a-test", Instant.now());
        var next = submission("after-withdrawn-" + UUID.randomUUID(), "hydrogen");

        send(withdrawal);
        send(next);

        awaitSightings(next.aggregateId(), 1);
        assertThat(sightings(demandId)).isZero();
        assertThat(BeaconWatcher.ATTEMPTS.get(demandId).get()).as("attempts").isEqualTo(1);
        assertThat(DocumentIds.exists(mongo, InboundEvents.PROCESSED_EVENTS, "platform-test:" + withdrawal.eventId())
                .block()).as("acknowledged").isTrue();
        EventProbe.settle();
        assertThat(deadLetters.records(DEAD_LETTERS)).noneMatch(r -> demandId.equals(r.key()));
    }

    @Test
    void an_event_of_a_type_no_handler_is_registered_for_is_skipped_without_a_marker() {
        String demandId = "closed-" + UUID.randomUUID();
        var closure = EventEnvelope.wrap(new DemandClosed(demandId, "e-1", "XIANNING", ClosureReason.NO_LONGER_NEEDED,
                null), demandId, 3, "XIANNING", new EventEnvelope.Tracing("corr-" + demandId, null), "a-test",
                Instant.now());
        var next = submission("after-closed-" + UUID.randomUUID(), "hydrogen");

        send(closure);
        send(next);

        awaitSightings(next.aggregateId(), 1);
        assertThat(BeaconWatcher.ATTEMPTS).doesNotContainKey(demandId);
        assertThat(DocumentIds.exists(mongo, InboundEvents.PROCESSED_EVENTS, "platform-test:" + closure.eventId())
                .block()).as("a marker for an event without effect").isFalse();
        EventProbe.settle();
        assertThat(deadLetters.records(DEAD_LETTERS)).noneMatch(r -> demandId.equals(r.key()));
    }

    @Test
    void the_handler_runs_under_the_correlation_id_of_the_event() {
        var event = submission("correlated-" + UUID.randomUUID(), "hydrogen");

        send(event);

        awaitSightings(event.aggregateId(), 1);
        assertThat(sighting(event.aggregateId()).getString("correlationId")).isEqualTo(event.correlationId());
    }

    @Test
    void markers_older_than_the_retention_are_removed_and_recent_ones_kept() {
        var collection = mongo.getCollection(InboundEvents.PROCESSED_EVENTS).block();
        String old = "platform-test:old-" + UUID.randomUUID();
        String recent = "platform-test:recent-" + UUID.randomUUID();
        Mono.from(collection.insertMany(List.of(
                new Document("_id", old).append("processedAt", Date.from(Instant.now().minusSeconds(90 * 86400))),
                new Document("_id", recent).append("processedAt", new Date())))).block();

        janitor.removeExpiredMarkers();

        assertThat(Mono.from(collection.countDocuments(new Document("_id", old))).block()).isZero();
        assertThat(Mono.from(collection.countDocuments(new Document("_id", recent))).block()).isOne();
    }

    private static EventEnvelope<DemandSubmitted> submission(String demandId, String title) {
        return EventEnvelope.wrap(new DemandSubmitted(demandId, "e-1", "XIANNING", title, List.of("IT.AI"), false),
                demandId, 1, "XIANNING", new EventEnvelope.Tracing("corr-" + demandId, null), "a-test",
                Instant.now());
    }

    private static void send(EventEnvelope<?> event) {
        EventPublisher.publish(event);
    }

    private void awaitSightings(String id, int count) {
        Eventually.awaitState("sightings of " + id, () -> sightings(id), n -> n == count);
    }

    private int sightings(String id) {
        Document sighting = sighting(id);
        return sighting == null ? 0 : sighting.getInteger("count");
    }

    private Document sighting(String id) {
        return BeaconWatcher.sighting(mongo, id).block();
    }
}
