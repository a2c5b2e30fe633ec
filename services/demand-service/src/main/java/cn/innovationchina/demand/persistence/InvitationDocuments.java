package cn.innovationchina.demand.persistence;

import java.time.Instant;
import java.util.Date;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.platform.persistence.DocumentIds;
import reactor.core.publisher.Mono;

/**
 * Which providers matching has invited to which demand: a read model of {@code ProviderInvited}, kept beside the
 * demands rather than in them, so an invitation never changes a demand's version (the enterprise's ETag).
 * One document per demand and provider: recording it again changes nothing.
 */
@Component
public class InvitationDocuments {

    static final String COLLECTION = "invitations";

    private final ReactiveMongoTemplate mongo;

    InvitationDocuments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> record(String demandId, String providerId, Instant invitedAt) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", id(demandId, providerId)),
                        Updates.combine(Updates.setOnInsert("demandId", demandId),
                                Updates.setOnInsert("providerId", providerId),
                                Updates.setOnInsert("invitedAt", Date.from(invitedAt))),
                        new UpdateOptions().upsert(true))))
                .then();
    }

    public Mono<Boolean> isInvited(String demandId, String providerId) {
        return DocumentIds.exists(mongo, COLLECTION, id(demandId, providerId));
    }

    private static String id(String demandId, String providerId) {
        return demandId + ":" + providerId;
    }
}
