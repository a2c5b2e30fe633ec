package cn.innovationchina.notification.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.notification.domain.WatchedDemand;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This service's read model of the published demands, from demand and match events: a demand is here while it is
 * published, and leaves when it is withdrawn, closed or expired. Every write is idempotent, so a redelivered event
 * changes nothing.
 */
@Component
public class WatchedDemands {

    static final String COLLECTION = "watchedDemands";

    private final ReactiveMongoTemplate mongo;

    WatchedDemands(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A demand published or revised: its title and deadline now; its last progress stays if it had one. One upsert,
     * not a read and a replace: the publication's time is only set when the document is made.
     */
    public Mono<Void> published(String demandId, String enterpriseId, String cityCode, String title,
            LocalDate deadline, Instant at) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", demandId),
                        Updates.combine(Updates.set("enterpriseId", enterpriseId), Updates.set("cityCode", cityCode),
                                Updates.set("title", title), Updates.set("deadline", deadline.toString()),
                                Updates.setOnInsert("lastProgress", Date.from(at))),
                        new UpdateOptions().upsert(true))))
                .then();
    }

    /** A docking started or a contract was signed: the demand moves, its staleness starts again from then. */
    public Mono<Void> progressed(String demandId, Instant at) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.and(Filters.eq("_id", demandId),
                        Filters.lt("lastProgress", Date.from(at))), Updates.set("lastProgress", Date.from(at)))))
                .then();
    }

    public Mono<Void> ended(String demandId) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", demandId))))
                .then();
    }

    public Flux<WatchedDemand> all() {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find().sort(Sorts.ascending("_id"))))
                .map(d -> new WatchedDemand(d.getString("_id"), d.getString("enterpriseId"), d.getString("cityCode"),
                        d.getString("title"), LocalDate.parse(d.getString("deadline")),
                        d.getDate("lastProgress").toInstant()));
    }
}
