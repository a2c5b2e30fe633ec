package cn.innovationchina.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;


import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.TrackRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matching's own copies of demands and providers (built from their events) and the providers' track records
 * (built from match events). A read model write is guarded by the event's aggregate version: an older or
 * replayed event changes nothing.
 */
@Repository
public class ReadModels {

    static final String PROVIDERS = "providers";
    static final String DEMANDS = "demands";
    static final String TRACK_RECORDS = "track_records";

    private final ReactiveMongoTemplate mongo;

    public ReadModels(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Provider> provider(String id) {
        return mongo.findById(id, Provider.class, PROVIDERS);
    }

    public Flux<Provider> providers() {
        return mongo.findAll(Provider.class, PROVIDERS);
    }

    public Mono<Demand> demand(String id) {
        return mongo.findById(id, Demand.class, DEMANDS);
    }

    public Flux<Demand> openDemands() {
        return mongo.find(query(
                where("open").is(true)), Demand.class, DEMANDS);
    }

    /** Stores the provider unless a version at least as new is there; emits whether it was stored. */
    public Mono<Boolean> save(Provider provider) {
        return replaceIfNewer(PROVIDERS, provider.id(), provider.version(), provider);
    }

    public Mono<Boolean> save(Demand demand) {
        return replaceIfNewer(DEMANDS, demand.id(), demand.version(), demand);
    }

    public Flux<TrackRecord> trackRecords(Collection<String> providerIds) {
        return mongo.find(query(
                where("_id").in(providerIds)),
                TrackRecord.class, TRACK_RECORDS);
    }

    /** An accepted invitation: experience, and an engagement that takes capacity until it is closed. */
    public Mono<Void> accepted(String providerId, String matchId) {
        return updateTrackRecord(providerId, Updates.combine(Updates.addToSet("accepted", matchId),
                Updates.addToSet("engaged", matchId)));
    }

    public Mono<Void> contracted(String providerId, String matchId) {
        return updateTrackRecord(providerId, Updates.addToSet("contracted", matchId));
    }

    public Mono<Void> engagementClosed(String providerId, String matchId) {
        return updateTrackRecord(providerId, Updates.pull("engaged", matchId));
    }

    public Mono<Void> rated(String providerId, String matchId, int rating) {
        return updateTrackRecord(providerId, Updates.set("ratings." + matchId, rating));
    }

    public Mono<Void> mismatched(String providerId, String matchId, List<String> fieldCodes) {
        return updateTrackRecord(providerId, Updates.addToSet("mismatches",
                new Document("matchId", matchId).append("fieldCodes", fieldCodes)));
    }

    private Mono<Void> updateTrackRecord(String providerId, Bson update) {
        return mongo.getCollection(TRACK_RECORDS)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", providerId), update,
                        new UpdateOptions().upsert(true))))
                .then();
    }

    private Mono<Boolean> replaceIfNewer(String collection, String id, long version, Object state) {
        var document = new Document();
        mongo.getConverter().write(state, document);
        document.put("_id", id);
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", version)),
                        document, new ReplaceOptions().upsert(true))))
                .map(result -> true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }
}
