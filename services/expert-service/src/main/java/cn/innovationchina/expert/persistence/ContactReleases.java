package cn.innovationchina.expert.persistence;

import java.time.Clock;
import java.util.Date;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.platform.persistence.DocumentIds;
import reactor.core.publisher.Mono;

/**
 * Which enterprises a provider's contact data is released to: one document per (provider, enterprise), written
 * when the provider accepts one of the enterprise's invitations. The write is an upsert that adds the match id to a
 * set, so a redelivered acceptance changes nothing.
 */
@Repository
public class ContactReleases {

    static final String COLLECTION = "contact_releases";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ContactReleases(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> release(String providerId, String enterpriseId, String matchId) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", key(providerId, enterpriseId)),
                        Updates.combine(Updates.addToSet("matchIds", matchId),
                                Updates.setOnInsert("providerId", providerId),
                                Updates.setOnInsert("enterpriseId", enterpriseId),
                                Updates.setOnInsert("releasedAt", Date.from(clock.instant()))),
                        new UpdateOptions().upsert(true))))
                .then();
    }

    public Mono<Boolean> isReleased(String providerId, String enterpriseId) {
        return DocumentIds.exists(mongo, COLLECTION, key(providerId, enterpriseId));
    }

    private static String key(String providerId, String enterpriseId) {
        return providerId + "|" + enterpriseId;
    }
}
