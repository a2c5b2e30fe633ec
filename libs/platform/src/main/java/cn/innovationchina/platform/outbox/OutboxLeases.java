package cn.innovationchina.platform.outbox;

import static cn.innovationchina.platform.outbox.AggregateStore.LEASE;
import static cn.innovationchina.platform.outbox.AggregateStore.OUTBOX;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;

import reactor.core.publisher.Mono;

/**
 * The leases one relay instance takes on documents' outboxes ({@code outboxLease.owner/until}), so that several
 * instances of a service relay side by side without publishing one aggregate's events twice or out of order.
 */
final class OutboxLeases {

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
        Date now = Date.from(clock.instant());
        Document filter = new Document(which).append(OUTBOX + ".0", new Document("$exists", true))
                .append("$or", List.of(new Document(LEASE, new Document("$exists", false)),
                        new Document(LEASE + ".until", new Document("$lt", now))));
        Document lease = new Document("$set", new Document(LEASE, new Document("owner", owner)
                .append("until", Date.from(clock.instant().plus(properties.lease())))));
        var options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(OUTBOX));
        Document claimed = mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(filter, lease, options)))
                .block(properties.sendTimeout());
        return claimed == null ? null
                : new LeasedOutbox(collection, claimed.get("_id"), claimed.getList(OUTBOX, Document.class));
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
