package cn.innovationchina.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

/**
 * The documents this instance wrote, handed to the relay so their outboxes leave without waiting for a scan: by name,
 * for the relay to lease and read, or, where the write leased the document itself, with the events it wrote (ADR
 * 0086).
 *
 * <p>A document is in at most one place of a round. While a write of this instance leases a document, from before the
 * write is sent until the round that published its events has released it, the document's names wait: a lease of its
 * own would keep the relay from claiming it, and the events written after that write are still in the outbox when
 * it is released, for the next round to claim.
 */
final class WrittenHere {

    private record Key(String collection, Object id) {
    }

    /** A document written here, named only, or with the outbox its write leased. */
    private record Written(Key key, @Nullable LeasedOutbox leased) {
    }

    /** What one round publishes: outboxes leased by their writes, and documents to claim by id, per collection. */
    record Round(List<LeasedOutbox> leased, Map<String, List<Object>> named) {

        boolean isEmpty() {
            return leased.isEmpty() && named.isEmpty();
        }

        /**
         * The round with the outboxes whose leases lapsed while they waited named instead: another relay may have
         * published them since, so they are claimed and read again, as any named document.
         */
        Round lapsedNamed(Instant now) {
            if (leased.stream().allMatch(outbox -> outbox.until().isAfter(now))) {
                return this;
            }
            List<LeasedOutbox> live = new ArrayList<>();
            Map<String, List<Object>> names = new LinkedHashMap<>();
            named.forEach((collection, ids) -> names.put(collection, new ArrayList<>(ids)));
            for (LeasedOutbox outbox : leased) {
                if (outbox.until().isAfter(now)) {
                    live.add(outbox);
                } else {
                    names.computeIfAbsent(outbox.collection(), c -> new ArrayList<>()).add(outbox.id());
                }
            }
            return new Round(live, names);
        }
    }

    private final Queue<Written> written = new ConcurrentLinkedQueue<>();
    private final Map<Key, Integer> leasing = new ConcurrentHashMap<>();

    /** A document with new events; the relay leases and reads it. */
    void add(String collection, Object id) {
        written.add(new Written(new Key(collection, id), null));
    }

    /** A write of this instance is about to lease the document; until it is published its names wait. */
    void leasing(String collection, Object id) {
        leasing.merge(new Key(collection, id), 1, Integer::sum);
    }

    /** The write that was to lease the document did not: it failed, or it found events waiting and named it. */
    void notLeased(String collection, Object id) {
        leasing.computeIfPresent(new Key(collection, id), (key, count) -> count == 1 ? null : count - 1);
    }

    /** The write leased the document with these events; the relay publishes them as they are. */
    void addLeased(LeasedOutbox leased) {
        written.add(new Written(new Key(leased.collection(), leased.id()), leased));
    }

    boolean isEmpty() {
        return written.isEmpty();
    }

    /**
     * Takes up to {@code batchSize} documents for a round, oldest first. A document already in the round, or leased by
     * a write of this instance not yet published, waits for a later round.
     */
    Round next(int batchSize) {
        List<LeasedOutbox> leased = new ArrayList<>();
        Map<String, List<Object>> named = new LinkedHashMap<>();
        Set<Key> inRound = new HashSet<>();
        List<Written> later = new ArrayList<>();
        for (Written next = written.poll(); next != null; next = written.poll()) {
            boolean waits = next.leased() == null && leasing.containsKey(next.key());
            if (waits || !inRound.add(next.key())) {
                later.add(next);
                continue;
            }
            if (next.leased() != null) {
                leased.add(next.leased());
            } else {
                named.computeIfAbsent(next.key().collection(), c -> new ArrayList<>()).add(next.key().id());
            }
            if (inRound.size() == batchSize) {
                break;
            }
        }
        written.addAll(later);
        return new Round(leased, named);
    }

    /**
     * Claims the documents named in a round by {@code _id}, one command per collection, beside the ones leased by their
     * writes whose leases still hold; a named document without pending events has nothing to publish and leaves.
     */
    LeasedBatch claim(OutboxLeases leases, Round round, Instant now) {
        var claimable = round.lapsedNamed(now);
        LeasedBatch batch = new LeasedBatch();
        claimable.leased().forEach(batch::add);
        claimable.named().forEach((collection, ids) -> leases.claim(collection, ids).forEach(batch::add));
        return batch;
    }

    /** The round's leased outboxes are published and released, or given up: their documents' names may go. */
    void done(Round round) {
        round.leased().forEach(leased -> notLeased(leased.collection(), leased.id()));
    }

    /** Takes every outbox leased by a write and not yet published, for a stopping relay to give up. */
    List<LeasedOutbox> takeLeased() {
        List<LeasedOutbox> leased = new ArrayList<>();
        List<Written> named = new ArrayList<>();
        for (Written next = written.poll(); next != null; next = written.poll()) {
            if (next.leased() != null) {
                leased.add(next.leased());
                notLeased(next.key().collection(), next.key().id());
            } else {
                named.add(next);
            }
        }
        written.addAll(named);
        return leased;
    }
}
