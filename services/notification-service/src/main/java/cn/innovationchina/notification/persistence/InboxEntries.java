package cn.innovationchina.notification.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The in-app inbox: one document per delivery, under the delivery key as {@code _id}. Inserting an entry that is
 * already there is a no-op, which is what makes a redelivered event harmless.
 */
@Component
public class InboxEntries implements InitializingBean {

    static final String COLLECTION = "inbox";

    private final ReactiveMongoTemplate mongo;

    InboxEntries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("recipient", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("recipient_newest_first")).block();
    }

    /** Stores the entry unless one with this id exists; returns whether it was new. */
    public Mono<Boolean> add(Recipient recipient, InboxEntry entry, UUID sourceEventId) {
        var document = new Document("_id", entry.id()).append("recipient", recipient.key())
                .append("type", entry.type().name()).append("title", entry.title()).append("body", entry.body())
                .append("demandId", entry.demandId()).append("sourceEventId", sourceEventId.toString()).append("createdAt", Date.from(entry.createdAt()))
                .append("read", entry.read());
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.insertOne(document))).thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }

    public Mono<List<InboxEntry>> newestFirst(Recipient recipient, int skip, int limit) {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("recipient", recipient.key()))
                        .sort(Sorts.descending("createdAt", "_id"))
                        .skip(skip).limit(limit)))
                .map(InboxEntries::entry).collectList();
    }

    /**
     * The recipient's entries stored after the given one, oldest first; none when the recipient has no such entry
     * (an id from another inbox reveals nothing).
     */
    public Flux<InboxEntry> storedAfter(Recipient recipient, String id) {
        return mongo.getCollection(COLLECTION).flatMapMany(c -> Mono
                .from(c.find(Filters.and(Filters.eq("_id", id), Filters.eq("recipient", recipient.key()))).first())
                .flatMapMany(seen -> {
                    Date at = seen.getDate("createdAt");
                    return Flux.from(c.find(Filters.and(Filters.eq("recipient", recipient.key()),
                            Filters.or(Filters.gt("createdAt", at),
                                    Filters.and(Filters.eq("createdAt", at), Filters.gt("_id", id)))))
                            .sort(Sorts.ascending("createdAt", "_id")));
                }))
                .map(InboxEntries::entry);
    }

    /** The recipient's entries stored in [from, to), oldest first. */
    public Mono<List<InboxEntry>> between(Recipient recipient, Instant from, Instant to) {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find(Filters.and(Filters.eq("recipient", recipient.key()),
                        Filters.gte("createdAt", Date.from(from)), Filters.lt("createdAt", Date.from(to))))
                        .sort(Sorts.ascending("createdAt", "_id"))))
                .map(InboxEntries::entry).collectList();
    }

    public Mono<Long> count(Recipient recipient) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.countDocuments(Filters.eq("recipient", recipient.key()))));
    }

    public Mono<Long> unread(Recipient recipient) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.countDocuments(
                Filters.and(Filters.eq("recipient", recipient.key()), Filters.eq("read", false)))));
    }

    /** Marks one of the recipient's entries read; false when the recipient has no entry with this id. */
    public Mono<Boolean> markRead(Recipient recipient, String id, Instant at) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq("recipient", recipient.key())), readAt(at))))
                .map(result -> result.getMatchedCount() == 1);
    }

    /** Marks every unread entry of the recipient read; returns how many changed. */
    public Mono<Long> markAllRead(Recipient recipient, Instant at) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateMany(Filters.and(Filters.eq("recipient", recipient.key()),
                        Filters.eq("read", false)), readAt(at))))
                .map(result -> result.getModifiedCount());
    }

    private static org.bson.conversions.Bson readAt(Instant at) {
        return Updates.combine(Updates.set("read", true), Updates.set("readAt", Date.from(at)));
    }

    private static InboxEntry entry(Document document) {
        return new InboxEntry(document.getString("_id"), NotificationType.valueOf(document.getString("type")),
                document.getString("title"), document.getString("body"), document.getString("demandId"),
                document.getDate("createdAt").toInstant(), document.getBoolean("read"));
    }
}
