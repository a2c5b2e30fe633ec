package cn.innovationchina.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Which of the documents written here a relay round takes, by name or with the events their writes leased. */
class WrittenHereTest {

    private final WrittenHere written = new WrittenHere();

    @Test
    void a_write_that_leased_its_document_hands_its_events_to_the_round_and_named_documents_are_claimed() {
        written.add("demands", "d-1");
        written.leasing("demands", "d-2");
        written.addLeased(leased("demands", "d-2", "event-1"));

        var round = written.next(10);

        assertThat(round.leased()).extracting(LeasedOutbox::id).containsExactly("d-2");
        assertThat(round.leased().get(0).outbox()).extracting(e -> e.getString("eventId"))
                .containsExactly("event-1");
        assertThat(round.named()).isEqualTo(Map.of("demands", List.of("d-1")));
    }

    @Test
    void a_document_named_while_a_write_leases_it_waits_until_that_writes_events_are_published() {
        written.leasing("demands", "d-1");
        written.add("demands", "d-1");

        assertThat(written.next(10).isEmpty()).as("named while the write is under way").isTrue();

        written.addLeased(leased("demands", "d-1", "event-1"));
        var publishing = written.next(10);
        assertThat(publishing.leased()).extracting(LeasedOutbox::id).containsExactly("d-1");
        assertThat(publishing.named()).as("named while its leased events are published").isEmpty();

        written.done(publishing);
        assertThat(written.next(10).named()).isEqualTo(Map.of("demands", List.of("d-1")));
    }

    @Test
    void a_write_that_did_not_store_its_lease_lets_the_document_be_claimed_by_name() {
        written.leasing("demands", "d-1");
        written.add("demands", "d-1");

        written.notLeased("demands", "d-1");

        assertThat(written.next(10).named()).isEqualTo(Map.of("demands", List.of("d-1")));
    }

    @Test
    void a_document_is_in_a_round_once_and_a_round_holds_at_most_its_batch() {
        written.add("demands", "d-1");
        written.add("demands", "d-1");
        written.add("demands", "d-2");
        written.add("demands", "d-3");

        assertThat(written.next(2).named()).isEqualTo(Map.of("demands", List.of("d-1", "d-2")));
        assertThat(written.next(2).named()).isEqualTo(Map.of("demands", List.of("d-3", "d-1")));
        assertThat(written.isEmpty()).isTrue();
    }

    @Test
    void an_outbox_whose_lease_lapsed_while_it_waited_is_claimed_and_read_again_by_name() {
        written.add("demands", "d-1");
        written.leasing("demands", "d-2");
        written.addLeased(leased("demands", "d-2", "event-1"));
        written.leasing("demands", "d-3");
        written.addLeased(new LeasedOutbox("demands", "d-3", List.of(new Document("eventId", "event-2")),
                Instant.parse("2026-12-06T04:01:00Z")));

        var claimable = written.next(10).lapsedNamed(Instant.parse("2026-12-06T04:00:30Z"));

        assertThat(claimable.leased()).extracting(LeasedOutbox::id).containsExactly("d-3");
        assertThat(claimable.named()).isEqualTo(Map.of("demands", List.of("d-1", "d-2")));
    }

    @Test
    void a_stopping_relay_takes_the_unpublished_leased_outboxes_and_keeps_the_names() {
        written.add("demands", "d-1");
        written.leasing("demands", "d-2");
        written.addLeased(leased("demands", "d-2", "event-1"));

        assertThat(written.takeLeased()).extracting(LeasedOutbox::id).containsExactly("d-2");

        var round = written.next(10);
        assertThat(round.leased()).isEmpty();
        assertThat(round.named()).isEqualTo(Map.of("demands", List.of("d-1")));
    }

    private static LeasedOutbox leased(String collection, String id, String... eventIds) {
        return new LeasedOutbox(collection, id, List.of(eventIds).stream().map(e -> new Document("eventId", e))
                .toList(), Instant.parse("2026-12-06T04:00:00Z"));
    }
}
