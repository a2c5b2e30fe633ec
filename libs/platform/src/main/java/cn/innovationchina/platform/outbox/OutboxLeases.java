package cn.innovationchina.platform.outbox;

import static cn.innovationchina.platform.outbox.AggregateStore.LEASE;
import static cn.innovationchina.platform.outbox.AggregateStore.OUTBOX;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;

import reactor.core.publisher.Mono;

/**
 * The leases one relay instance takes on documents' outboxes ({@code outboxLease.owner/until}), so that several
 * instances of a service relay side by side without publishing one aggregate's events twice or out of order. A lease
 * is claimed when it is free or lapsed; it is renewed and released only by its owner (ADR 0041).
 */
final class OutboxLeases {

    private static final Logger log = LoggerFactory.getLogger(OutboxLeases.class);

    private final ReactiveMongoTemplate mongo;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner;

    OutboxLeases(ReactiveMongoTemplate mongo, OutboxProperties properties, Clock clock, String owner) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.owner = owner;
    }

    /** Only documents with pending events are in this index, so finding them reads none of the others. */
    void indexPendingOutboxes(String collection) {
        mongo.getCollection(collection).flatMap(c -> Mono.from(c.createIndex(Indexes.ascending(OUTBOX + ".0"),
                new IndexOptions().sparse(true).name("outbox_pending")))).block(properties.sendTimeout());
    }

    /**
     * Leases those of the documents {@code ids} names that have pending events and no other relay's live lease, in one
     * command, and reads their outboxes in a second; answers them in the order of {@code ids}. A single document, the
     * usual round while writes come one at a time, is leased and read in one command.
     */
    List<LeasedOutbox> claim(String collection, List<?> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant until = leaseEnd(now);
        Document lease = new Document("$set", new Document(LEASE, lease(until)));
        if (ids.size() == 1) {
            Object id = ids.get(0);
            Document leasedOne = mongo.getCollection(collection)
                    .flatMap(c -> Mono.from(c.findOneAndUpdate(pendingAndClaimable(now).append("_id", id), lease,
                            new FindOneAndUpdateOptions().projection(Projections.include(OUTBOX))
                                    .returnDocument(ReturnDocument.AFTER))))
                    .block(properties.sendTimeout());
            return leasedOne == null ? List.of()
                    : List.of(new LeasedOutbox(collection, id, leasedOne.getList(OUTBOX, Document.class), until));
        }
        Document claimable = pendingAndClaimable(now).append("_id", new Document("$in", ids));
        Document leasedNow = new Document("_id", new Document("$in", ids)).append(LEASE + ".owner", owner)
                .append(LEASE + ".until", Date.from(until));
        Map<Object, Document> claimed = new HashMap<>();
        mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.updateMany(claimable, lease))
                        .thenMany(c.find(leasedNow).projection(Projections.include(OUTBOX)))
                        .doOnNext(document -> claimed.put(document.get("_id"), document))
                        .then())
                .block(properties.sendTimeout());
        List<LeasedOutbox> leased = new ArrayList<>(claimed.size());
        for (Object id : ids) {
            Document document = claimed.remove(id);
            if (document != null) {
                leased.add(new LeasedOutbox(collection, id, document.getList(OUTBOX, Document.class), until));
            }
        }
        return leased;
    }

    /** This relay's lease until then, as a claim or a write of this instance (ADR 0086) stores it. */
    Document lease(Instant until) {
        return new Document("owner", owner).append("until", Date.from(until));
    }

    /**
     * A whole lease from {@code now}, stored to the millisecond: a batch's read finds its round's leases by their exact
     * end.
     */
    Instant leaseEnd(Instant now) {
        return now.plus(properties.lease()).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Gives up the leases this relay holds on these documents without publishing anything, one command per
     * collection, so that any relay's next scan finds their events.
     */
    void giveUp(List<LeasedOutbox> leased) {
        byCollection(leased).forEach((collection, ids) -> mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.updateMany(new Document("_id", new Document("$in", ids))
                        .append(LEASE + ".owner", owner), new Document("$unset", new Document(LEASE, "")))))
                .block(properties.sendTimeout()));
    }

    private static Map<String, List<Object>> byCollection(List<LeasedOutbox> leased) {
        Map<String, List<Object>> ids = new LinkedHashMap<>();
        leased.forEach(document -> ids.computeIfAbsent(document.collection(), c -> new ArrayList<>())
                .add(document.id()));
        return ids;
    }

    /** Leases up to {@code limit} documents of the collection that have pending events and no live lease. */
    List<LeasedOutbox> claimPending(String collection, int limit) {
        List<Object> ids = mongo.getCollection(collection)
                .flatMapMany(c -> c.find(pendingAndFree(clock.instant())).projection(Projections.include("_id"))
                        .limit(limit))
                .map(document -> document.get("_id"))
                .collectList()
                .block(properties.sendTimeout());
        return ids == null ? List.of() : claim(collection, ids);
    }

    private static Document pendingAndFree(Instant now) {
        return new Document(OUTBOX + ".0", new Document("$exists", true))
                .append("$or", List.of(new Document(LEASE, new Document("$exists", false)),
                        new Document(LEASE + ".until", new Document("$lt", Date.from(now)))));
    }

    /**
     * A document named to this relay may also be one it leased itself: rounds run one after another, and a write's
     * own lease is not named until the round that publishes it is over ({@link WrittenHere}), so such a lease is idle
     * (a round that failed, a write cancelled after it was sent) and need not wait to lapse.
     */
    private Document pendingAndClaimable(Instant now) {
        return new Document(OUTBOX + ".0", new Document("$exists", true))
                .append("$or", List.of(new Document(LEASE, new Document("$exists", false)),
                        new Document(LEASE + ".until", new Document("$lt", Date.from(now))),
                        new Document(LEASE + ".owner", owner)));
    }

    /**
     * Renews the batch's leases, those this relay still holds, for a whole lease when less than two send timeouts
     * are left of them: enough for the longest wait for the broker and the release after it. Called before every
     * send and every wait, so a batch keeps its documents however long a slow broker takes, while a relay that
     * stopped keeps them at most one lease. Costs nothing while the batch is quicker than a lease less two send
     * timeouts (10 s by default).
     */
    void keepAlive(LeasedBatch batch) {
        Instant now = clock.instant();
        if (batch.size() == 0 || now.plus(properties.sendTimeout().multipliedBy(2)).isBefore(batch.heldUntil())) {
            return;
        }
        Instant until = now.plus(properties.lease());
        byCollection(batch.documents()).forEach((collection, inBatch) -> mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.updateMany(
                        new Document("_id", new Document("$in", inBatch)).append(LEASE + ".owner", owner),
                        new Document("$set", new Document(LEASE + ".until", Date.from(until))))))
                .block(properties.sendTimeout()));
        batch.renewedUntil(until);
        log.debug("Renewed the leases of {} documents until {}", batch.size(), until);
    }

    /**
     * Removes the published events from the documents' outboxes and gives up their leases, those this relay still
     * holds, one command per collection; answers how many it still held. A lease that lapsed is this relay's until
     * another one claims the document, so its release still counts then; once another relay holds it, the events
     * stay for that one to publish (again: the consumers deduplicate). Event ids are unique, so the published ids of
     * the whole batch can be pulled from each of its documents.
     */
    int release(List<LeasedOutbox> leased, Collection<String> published) {
        Document release = new Document("$unset", new Document(LEASE, ""));
        if (!published.isEmpty()) {
            release.append("$pull", new Document(OUTBOX, new Document("eventId", new Document("$in",
                    List.copyOf(published)))));
        }
        int held = 0;
        for (var collection : byCollection(leased).entrySet()) {
            var result = mongo.getCollection(collection.getKey())
                    .flatMap(c -> Mono.from(c.updateMany(new Document("_id", new Document("$in", collection.getValue()))
                            .append(LEASE + ".owner", owner), release)))
                    .block(properties.sendTimeout());
            held += result == null ? 0 : (int) result.getMatchedCount();
        }
        return held;
    }
}
