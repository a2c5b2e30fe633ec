package cn.innovationchina.notification.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import cn.innovationchina.events.Channel;
import cn.innovationchina.events.NotificationDelivered;
import cn.innovationchina.events.NotificationFailed;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.problem.Conflict;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivery state of the channels that leave the platform (email), one document per delivery key. The document is
 * claimed (inserted PENDING) before anything is sent: whoever fails to insert it must not send. Its outcome is
 * stored together with the {@code NotificationDelivered} or {@code NotificationFailed} event announcing it.
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
    }

    /** Claims the delivery; empty when it was claimed before (the event is being handled again). */
    public Mono<Delivery> claim(String id, Recipient recipient, Channel channel, NotificationType type,
            UUID sourceEventId, Instant at) {
        var pending = new Delivery(id, channel, type, sourceEventId.toString(), DeliveryState.PENDING, 0, null, at);
        return store.create(DeliveryDocument.of(pending, recipient), id, null, List.of()).thenReturn(pending)
                .onErrorResume(Conflict.class, e -> Mono.empty());
    }

    public Mono<Void> sent(Delivery claimed, Recipient recipient, int attempts, Instant at) {
        var sent = new Delivery(claimed.id(), claimed.channel(), claimed.type(), claimed.sourceEventId(),
                DeliveryState.SENT, attempts, null, at);
        return store.update(DeliveryDocument.of(sent, recipient), sent.id(), CLAIMED, null,
                List.of(new NotificationDelivered(sent.id(), recipient.key(), sent.channel(), sent.type().name(),
                        sent.sourceEventId(), attempts)))
                .then();
    }

    public Mono<Void> failed(Delivery claimed, Recipient recipient, int attempts, String reason, Instant at) {
        var failed = new Delivery(claimed.id(), claimed.channel(), claimed.type(), claimed.sourceEventId(),
                DeliveryState.FAILED, attempts, reason, at);
        return store.update(DeliveryDocument.of(failed, recipient), failed.id(), CLAIMED, null,
                List.of(new NotificationFailed(failed.id(), recipient.key(), failed.channel(), failed.type().name(),
                        failed.sourceEventId(), attempts, reason)))
                .then();
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
                DeliveryState.valueOf(d.getString("state")), d.getInteger("attempts"), d.getString("failure"),
                d.getDate("updatedAt").toInstant());
    }
}
