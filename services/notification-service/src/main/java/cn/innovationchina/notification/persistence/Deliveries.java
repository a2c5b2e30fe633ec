package cn.innovationchina.notification.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import cn.innovationchina.events.Channel;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.NotificationDelivered;
import cn.innovationchina.events.NotificationFailed;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.StaleVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivery state of the channels that leave the platform (email, webhooks), one document per delivery key. The
 * document is claimed (inserted PENDING) before anything is sent: whoever fails to insert it must not send. Its
 * outcome is stored together with the {@code NotificationDelivered} or {@code NotificationFailed} event announcing
 * it, once: the outcome is written only over the claimed version.
 */
@Component
public class Deliveries implements InitializingBean {

    /** A claimed delivery is created without events, so its first version is 1. */
    private static final long CLAIMED = 1;

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;

    Deliveries(ReactiveMongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(DeliveryDocument.COLLECTION).createIndex(new Index("recipient", Sort.Direction.ASC)
                .on("updatedAt", Sort.Direction.DESC).named("recipient_latest_first")).block();
        mongo.indexOps(DeliveryDocument.COLLECTION).createIndex(new Index("state", Sort.Direction.ASC)
                .on("leaseUntil", Sort.Direction.ASC).named("pending_by_lease")).block();
    }

    /**
     * Claims the delivery; empty when it was claimed before (the event is being handled again). Until
     * {@code leaseUntil} nobody else may take it to send it.
     */
    public Mono<Delivery> claim(Delivery pending, Recipient recipient, Message message, Instant leaseUntil) {
        return store.create(DeliveryDocument.of(pending, recipient, message, leaseUntil), pending.id(), null,
                List.of()).thenReturn(pending)
                .onErrorResume(Conflict.class, e -> Mono.empty());
    }

    /**
     * Stores the outcome of a claimed delivery with its announcement; false, changing nothing, when another sender
     * stored one first.
     */
    public Mono<Boolean> complete(Delivery done, Recipient recipient, Message message) {
        DomainEvent announced = done.state() == DeliveryState.SENT
                ? new NotificationDelivered(done.id(), recipient.key(), done.channel(), done.type().name(),
                        done.sourceEventId(), done.attempts())
                : new NotificationFailed(done.id(), recipient.key(), done.channel(), done.type().name(),
                        done.sourceEventId(), done.attempts(), String.valueOf(done.failure()));
        return store.update(DeliveryDocument.of(done, recipient, message, null), done.id(), CLAIMED, null,
                List.of(announced)).thenReturn(true)
                .onErrorResume(StaleVersion.class, e -> Mono.just(false));
    }

    /**
     * Takes, one at a time, the PENDING deliveries whose lease has run out by {@code now}, leasing each to the caller
     * until the time {@code leaseUntil} gives; each is taken by one caller only, whichever instance asks.
     */
    public Flux<Pending> takeDue(Instant now, Supplier<Instant> leaseUntil) {
        Mono<Document> takeOne = mongo.getCollection(DeliveryDocument.COLLECTION)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(
                        Filters.and(Filters.eq("state", DeliveryState.PENDING.name()),
                                Filters.lte("leaseUntil", Date.from(now))),
                        Updates.set("leaseUntil", Date.from(leaseUntil.get())),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("leaseUntil"))
                                .returnDocument(ReturnDocument.AFTER))));
        // Each one taken asks for the next, until none is due.
        return takeOne.expand(taken -> takeOne)
                .map(d -> new Pending(delivery(d), Recipient.ofKey(d.getString("recipient")),
                        new Message(d.getString("title"), d.getString("body"))));
    }

    public Mono<List<Delivery>> latestFirst(Recipient recipient, int skip, int limit) {
        return mongo.getCollection(DeliveryDocument.COLLECTION)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("recipient", recipient.key()))
                        .sort(Sorts.descending("updatedAt", "_id")).skip(skip).limit(limit)))
                .map(Deliveries::delivery).collectList();
    }

    private static Delivery delivery(Document d) {
        return new Delivery(d.getString("_id"), Channel.valueOf(d.getString("channel")),
                NotificationType.valueOf(d.getString("type")), d.getString("sourceEventId"),
                d.getString("endpointId"), DeliveryState.valueOf(d.getString("state")), d.getInteger("attempts"),
                d.getString("failure"), d.getDate("updatedAt").toInstant(), instant(d.getDate("heldUntil")));
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    /** What a delivery says, rendered once in the recipient's language. */
    public record Message(String title, String body) {
    }

    /** A delivery taken to be sent now, with whom and what to send. */
    public record Pending(Delivery delivery, Recipient recipient, Message message) {
    }
}
