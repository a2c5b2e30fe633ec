package cn.innovationchina.platform.outbox;

import static cn.innovationchina.platform.outbox.AggregateStore.LEASE;
import static cn.innovationchina.platform.outbox.AggregateStore.OUTBOX;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
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

    /** Leases one document matching {@code which} that has pending events and no live lease, or returns null. */
    @Nullable
    LeasedOutbox claim(String collection, Document which) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        Document filter = new Document(which).append(OUTBOX + ".0", new Document("$exists", true))
                .append("$or", List.of(new Document(LEASE, new Document("$exists", false)),
                        new Document(LEASE + ".until", new Document("$lt", Date.from(now)))));
        Document lease = new Document("$set", new Document(LEASE, new Document("owner", owner)
                .append("until", Date.from(until))));
        var options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(OUTBOX));
        Document claimed = mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(filter, lease, options)))
                .block(properties.sendTimeout());
        return claimed == null ? null
                : new LeasedOutbox(collection, claimed.get("_id"), claimed.getList(OUTBOX, Document.class), until);
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
        Map<String, List<Object>> ids = new LinkedHashMap<>();
        batch.documents().forEach(leased -> ids.computeIfAbsent(leased.collection(), c -> new ArrayList<>())
                .add(leased.id()));
        ids.forEach((collection, inBatch) -> mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.updateMany(
                        new Document("_id", new Document("$in", inBatch)).append(LEASE + ".owner", owner),
                        new Document("$set", new Document(LEASE + ".until", Date.from(until))))))
                .block(properties.sendTimeout()));
        batch.renewedUntil(until);
        log.debug("Renewed the leases of {} documents until {}", batch.size(), until);
    }

    /**
     * Removes the published events from the document's outbox and gives up the lease, if this relay still holds
     * it; answers whether it did. A lease that lapsed is this relay's until another one claims the document, so its
     * release still counts then; once another relay holds it, the events stay for that one to publish (again: the
     * consumers deduplicate).
     */
    boolean release(LeasedOutbox leased, List<String> published) {
        Document release = new Document("$unset", new Document(LEASE, ""));
        if (!published.isEmpty()) {
            release.append("$pull", new Document(OUTBOX, new Document("eventId", new Document("$in", published))));
        }
        var result = mongo.getCollection(leased.collection())
                .flatMap(c -> Mono.from(c.updateOne(ownedBy(leased.id()), release)))
                .block(properties.sendTimeout());
        return result != null && result.getMatchedCount() == 1;
    }

    private Document ownedBy(Object id) {
        return new Document("_id", id).append(LEASE + ".owner", owner);
    }
}
