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

import cn.innovationchina.events.Channel;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivery state of the channels that leave the platform (email), one document per delivery key. The document is
 * claimed (inserted PENDING) before anything is sent: whoever fails to insert it must not send.
 */
@Component
public class Deliveries implements InitializingBean {

    static final String COLLECTION = "deliveries";

    private final ReactiveMongoTemplate mongo;

    Deliveries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("recipient", Sort.Direction.ASC)
                .on("updatedAt", Sort.Direction.DESC).named("recipient_latest_first")).block();
    }

    /** Claims the delivery; false when it was claimed before (the event is being handled again). */
    public Mono<Boolean> claim(String id, Recipient recipient, Channel channel, NotificationType type,
            UUID sourceEventId, Instant at) {
        var document = new Document("_id", id).append("recipient", recipient.key()).append("channel", channel.name())
                .append("type", type.name()).append("sourceEventId", sourceEventId.toString())
                .append("state", DeliveryState.PENDING.name()).append("attempts", 0).append("updatedAt", Date.from(at));
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.insertOne(document))).thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }

    public Mono<Void> sent(String id, int attempts, Instant at) {
        return record(id, Updates.combine(Updates.set("state", DeliveryState.SENT.name()),
                Updates.set("attempts", attempts), Updates.set("updatedAt", Date.from(at))));
    }

    public Mono<Void> failed(String id, int attempts, String reason, Instant at) {
        return record(id, Updates.combine(Updates.set("state", DeliveryState.FAILED.name()),
                Updates.set("attempts", attempts), Updates.set("failure", reason), Updates.set("updatedAt", Date.from(at))));
    }

    public Mono<List<Delivery>> latestFirst(Recipient recipient, int skip, int limit) {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("recipient", recipient.key()))
                        .sort(Sorts.descending("updatedAt", "_id")).skip(skip).limit(limit)))
                .map(Deliveries::delivery).collectList();
    }

    private Mono<Void> record(String id, org.bson.conversions.Bson update) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", id), update)))
                .then();
    }

    private static Delivery delivery(Document d) {
        return new Delivery(d.getString("_id"), Channel.valueOf(d.getString("channel")),
                NotificationType.valueOf(d.getString("type")), d.getString("sourceEventId"),
                DeliveryState.valueOf(d.getString("state")), d.getInteger("attempts"), d.getString("failure"),
                d.getDate("updatedAt").toInstant());
    }
}
