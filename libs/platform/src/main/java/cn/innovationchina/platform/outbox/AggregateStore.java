package cn.innovationchina.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.InsertManyOptions;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.platform.observability.Correlation;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.StaleVersion;
import reactor.core.publisher.Mono;

/**
 * Writes an aggregate's document and the events its decision produced in ONE single-document update, guarded by
 * the version the decision was based on. The events wait in the document's {@code outbox} array until the
 * {@link OutboxRelay} has published them; so a state change is never published without being stored, nor stored
 * without being published.
 *
 * <p>Each event gets its own aggregate version (the document's version advances by the number of events, at least
 * one), so consumers can order and deduplicate by version.
 *
 * <p>A write of events also leases the document for the relay of this instance and hands it the events, which it
 * publishes without reading the document back ({@link LeaseAtWrite}, ADR 0086).
 */
public class AggregateStore {

    static final String VERSION = "version";
    static final String OUTBOX = "outbox";
    static final String LEASE = "outboxLease";

    private final ReactiveMongoTemplate mongo;
    private final OutboxProperties properties;
    private final OutboxRelay relay;
    private final String producer;
    private final Clock clock;
    private final OutboxTracing tracing;

    public AggregateStore(ReactiveMongoTemplate mongo, OutboxProperties properties, OutboxRelay relay,
            String producer, Clock clock, OutboxTracing tracing) {
        this.mongo = mongo;
        this.properties = properties;
        this.relay = relay;
        this.producer = producer;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** A new aggregate for {@link #createAll}: its document, id, pilot city and the events of its creation. */
    public record NewAggregate(Object document, String id, @Nullable String cityCode,
            List<? extends DomainEvent> events) {
    }

    /** Inserts a new aggregate; returns its version. A second aggregate with the same id is a {@link Conflict}. */
    public Mono<Long> create(Object document, String id, @Nullable String cityCode,
            List<? extends DomainEvent> events) {
        String collection = relayedCollection(document);
        return Mono.deferContextual(context -> {
            Document bson = newDocument(new NewAggregate(document, id, cityCode, events), context);
            var lease = LeaseAtWrite.take(relay, collection, id, outboxOf(bson));
            if (lease.taken()) {
                bson.put(LEASE, lease.document());
            }
            return mongo.getCollection(collection).flatMap(c -> Mono.from(c.insertOne(bson)))
                    .onErrorMap(MongoWriteException.class, e -> isDuplicate(e)
                            ? new Conflict(collection + " " + id + " already exists") : e)
                    .doOnSuccess(inserted -> lease.stored())
                    .doOnError(e -> lease.notStored())
                    .doOnCancel(lease::notStored)
                    .thenReturn(bson.getLong(VERSION));
        });
    }

    /**
     * Inserts new aggregates of one collection with one command, each as {@link #create} would; answers the ids
     * inserted. An id already taken is left out (where {@code create} fails with {@link Conflict}), and the others are
     * inserted all the same: a bulk import's rows are independent.
     */
    public Mono<Set<String>> createAll(List<NewAggregate> aggregates) {
        if (aggregates.isEmpty()) {
            return Mono.just(Set.of());
        }
        String collection = relayedCollection(aggregates.get(0).document());
        return Mono.deferContextual(context -> {
            List<Document> documents = new ArrayList<>(aggregates.size());
            for (NewAggregate aggregate : aggregates) {
                if (!relayedCollection(aggregate.document()).equals(collection)) {
                    throw new IllegalArgumentException("createAll writes one collection, not " + collection
                            + " and " + relayedCollection(aggregate.document()));
                }
                documents.add(newDocument(aggregate, context));
            }
            Set<String> ids = new LinkedHashSet<>();
            aggregates.forEach(aggregate -> ids.add(aggregate.id()));
            List<LeaseAtWrite> leases = new ArrayList<>(documents.size());
            for (Document bson : documents) {
                var lease = LeaseAtWrite.take(relay, collection, bson.getString("_id"), outboxOf(bson));
                if (lease.taken()) {
                    bson.put(LEASE, lease.document());
                }
                leases.add(lease);
            }
            return mongo.getCollection(collection)
                    .flatMap(c -> Mono.from(c.insertMany(documents, new InsertManyOptions().ordered(false))))
                    .thenReturn(ids)
                    .onErrorResume(MongoBulkWriteException.class, e -> {
                        if (!e.getWriteErrors().stream().allMatch(error ->
                                ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                            return Mono.error(e);
                        }
                        e.getWriteErrors().forEach(error -> ids.remove(aggregates.get(error.getIndex()).id()));
                        return Mono.just(ids);
                    })
                    .doOnSuccess(inserted -> {
                        for (int i = 0; i < documents.size(); i++) {
                            if (inserted.contains(aggregates.get(i).id())) {
                                leases.get(i).stored();
                            } else {
                                leases.get(i).notStored();
                            }
                        }
                    })
                    .doOnError(e -> leases.forEach(LeaseAtWrite::notStored))
                    .doOnCancel(() -> leases.forEach(LeaseAtWrite::notStored));
        });
    }

    private Document newDocument(NewAggregate aggregate, reactor.util.context.ContextView context) {
        Document bson = state(aggregate.document());
        bson.put("_id", aggregate.id());
        bson.put(VERSION, (long) Math.max(aggregate.events().size(), 1));
        bson.put(OUTBOX, outboxEntries(aggregate.id(), 0, aggregate.cityCode(), aggregate.events(), context));
        return bson;
    }

    /**
     * Applies the new state if the stored document is still at {@code expectedVersion}; otherwise fails with
     * {@link StaleVersion} and changes nothing. Returns the new version.
     */
    public Mono<Long> update(Object document, String id, long expectedVersion, @Nullable String cityCode,
            List<? extends DomainEvent> events) {
        String collection = relayedCollection(document);
        return Mono.deferContextual(context -> {
            long version = expectedVersion + Math.max(events.size(), 1);
            Document set = state(document);
            set.put(VERSION, version);
            Document unset = clearedFields(document, set);
            List<Document> entries = outboxEntries(id, expectedVersion, cityCode, events, context);
            Document filter = new Document("_id", id).append(VERSION, expectedVersion);
            var lease = LeaseAtWrite.take(relay, collection, id, entries);
            if (!lease.taken()) {
                return updated(collection, filter, changes(set, unset, entries, null), expectedVersion, version)
                        .doOnSuccess(v -> lease.stored());
            }
            // The write leases the document only if no earlier event waits in it: those come first, and the relay
            // publishes this write's events as they are, unread. Otherwise it names the document, as without a lease.
            Document ifNoneWaits = new Document(filter).append(OUTBOX + ".0", new Document("$exists", false));
            Document leased = changes(set, unset, entries, lease.document());
            return mongo.getCollection(collection).flatMap(c -> Mono.from(c.updateOne(ifNoneWaits, leased)))
                    .flatMap(result -> {
                        if (result.getMatchedCount() == 1) {
                            lease.stored();
                            return Mono.just(version);
                        }
                        lease.notStored();
                        return updated(collection, filter, changes(set, unset, entries, null), expectedVersion,
                                version).doOnSuccess(v -> relay.written(collection, id));
                    })
                    .doOnError(e -> lease.notStored())
                    .doOnCancel(lease::notStored);
        });
    }

    private static Document changes(Document set, Document unset, List<Document> entries, @Nullable Document lease) {
        Document fields = new Document(set);
        if (lease != null) {
            fields.put(LEASE, lease);
        }
        Document update = new Document("$set", fields);
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!entries.isEmpty()) {
            update.put("$push", new Document(OUTBOX, new Document("$each", entries)));
        }
        return update;
    }

    private Mono<Long> updated(String collection, Document filter, Document update, long expectedVersion,
            long version) {
        return mongo.getCollection(collection).flatMap(c -> Mono.from(c.updateOne(filter, update)))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(version)
                        : Mono.error(new StaleVersion(collection, filter.getString("_id"), expectedVersion)));
    }

    @SuppressWarnings("unchecked")
    private static List<Document> outboxOf(Document bson) {
        return (List<Document>) bson.get(OUTBOX);
    }

    private String relayedCollection(Object document) {
        String collection = mongo.getCollectionName(document.getClass());
        if (!properties.collections().contains(collection)) {
            throw new IllegalStateException("Collection " + collection
                    + " is not relayed: add it to platform.outbox.collections");
        }
        return collection;
    }

    private Document state(Object document) {
        Document bson = new Document();
        mongo.getConverter().write(document, bson);
        bson.remove("_id");
        bson.remove(VERSION);
        bson.remove(OUTBOX);
        bson.remove(LEASE);
        return bson;
    }

    /** Mapped properties that are null now: the converter leaves them out, so they must be unset explicitly. */
    private Document clearedFields(Object document, Document written) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(document.getClass());
        Document unset = new Document();
        entity.doWithProperties((org.springframework.data.mapping.PropertyHandler<
                org.springframework.data.mongodb.core.mapping.MongoPersistentProperty>) property -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !property.isVersionProperty() && !VERSION.equals(field)
                    && !written.containsKey(field)) {
                unset.put(field, "");
            }
        });
        return unset;
    }

    private List<Document> outboxEntries(String aggregateId, long baseVersion, @Nullable String cityCode,
            List<? extends DomainEvent> events, reactor.util.context.ContextView context) {
        var correlation = Correlation.current(context);
        var trace = tracing.capture(context);
        var now = clock.instant();
        List<Document> entries = new ArrayList<>(events.size());
        long version = baseVersion;
        for (DomainEvent event : events) {
            var envelope = EventEnvelope.wrap(event, aggregateId, ++version, cityCode, correlation, producer, now);
            var entry = new Document("eventId", envelope.eventId().toString())
                    .append("type", envelope.type())
                    .append("topic", envelope.topic())
                    .append("key", aggregateId)
                    .append("correlationId", envelope.correlationId())
                    .append("occurredAt", Date.from(now))
                    .append("envelope", new String(EventJson.write(envelope), java.nio.charset.StandardCharsets.UTF_8));
            if (!trace.isEmpty()) {
                entry.append(OutboxTracing.FIELD, trace);
            }
            entries.add(entry);
        }
        return entries;
    }

    private static boolean isDuplicate(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
