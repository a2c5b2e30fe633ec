package cn.innovationchina.matching.persistence;

import java.time.LocalDate;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import reactor.core.publisher.Mono;

/**
 * How many reverse-matching proposals a provider received on a day (UTC), one document per provider and day.
 * A provider's events are handled one at a time (one key, one partition), so check-then-count is exact.
 */
@Repository
public class DailyProposalQuota {

    static final String COLLECTION = "reverse_proposals";

    private final ReactiveMongoTemplate mongo;

    public DailyProposalQuota(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Integer> used(String providerId, LocalDate day) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", key(providerId, day))).first()))
                .map(document -> document.getInteger("count", 0))
                .defaultIfEmpty(0);
    }

    public Mono<Void> count(String providerId, LocalDate day) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", key(providerId, day)), Updates.inc("count", 1),
                        new UpdateOptions().upsert(true))))
                .then();
    }

    private static String key(String providerId, LocalDate day) {
        return providerId + ":" + day;
    }
}
