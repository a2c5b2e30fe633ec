package cn.innovationchina.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
 * (built from match events), each stored as its document class. A read model write is guarded by the event's
 * aggregate version: an older or replayed event changes nothing.
 */
@Repository
public class ReadModels {

    /** The version of the last event a demand or provider document applied. */
    static final String VERSION = "version";

    private final ReactiveMongoTemplate mongo;

    public ReadModels(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Provider> provider(String id) {
        return mongo.findById(id, ProviderDocument.class).map(ProviderDocument::toDomain);
    }

    public Flux<Provider> providers() {
        return mongo.findAll(ProviderDocument.class).map(ProviderDocument::toDomain);
    }

    public Mono<Demand> demand(String id) {
        return mongo.findById(id, DemandDocument.class).map(DemandDocument::toDomain);
    }

    /**
     * The demands of these ids that are stored, in the order of the ids, read with one query: reverse matching reads
     * up to a hundred found demands for each provider event (ADR 0062).
     */
    public Flux<Demand> demands(List<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(query(where("_id").in(ids)), DemandDocument.class)
                .collectMap(DemandDocument::id, DemandDocument::toDomain)
                .flatMapMany(byId -> Flux.fromStream(ids.stream().map(byId::get).filter(Objects::nonNull)));
    }

    public Flux<Demand> openDemands() {
        return mongo.find(query(where(DemandDocument.OPEN).is(true)), DemandDocument.class)
                .map(DemandDocument::toDomain);
    }

    /** Stores the provider unless a version at least as new is there; emits whether it was stored. */
    public Mono<Boolean> save(Provider provider) {
        return replaceIfNewer(ProviderDocument.COLLECTION, provider.id(), provider.version(),
                ProviderDocument.of(provider));
    }

    public Mono<Boolean> save(Demand demand) {
        return replaceIfNewer(DemandDocument.COLLECTION, demand.id(), demand.version(), DemandDocument.of(demand));
    }

    public Flux<TrackRecord> trackRecords(Collection<String> providerIds) {
        return mongo.find(query(where("_id").in(providerIds)), TrackRecordDocument.class)
                .map(TrackRecordDocument::toDomain);
    }

    /** An accepted invitation: experience, and an engagement that takes capacity until it is closed. */
    public Mono<Void> accepted(String providerId, String matchId) {
        return updateTrackRecord(providerId, Updates.combine(
                Updates.addToSet(TrackRecordDocument.ACCEPTED, matchId),
                Updates.addToSet(TrackRecordDocument.ENGAGED, matchId)));
    }

    public Mono<Void> contracted(String providerId, String matchId) {
        return updateTrackRecord(providerId, Updates.addToSet(TrackRecordDocument.CONTRACTED, matchId));
    }

    public Mono<Void> engagementClosed(String providerId, String matchId) {
        return updateTrackRecord(providerId, Updates.pull(TrackRecordDocument.ENGAGED, matchId));
    }

    public Mono<Void> rated(String providerId, String matchId, int rating) {
        return updateTrackRecord(providerId, Updates.set(TrackRecordDocument.RATINGS + "." + matchId, rating));
    }

    public Mono<Void> mismatched(String providerId, String matchId, List<String> fieldCodes) {
        return updateTrackRecord(providerId, Updates.addToSet(TrackRecordDocument.MISMATCHES,
                new Document(TrackRecordDocument.MISMATCH_MATCH, matchId)
                        .append(TrackRecordDocument.MISMATCH_FIELDS, fieldCodes)));
    }

    private Mono<Void> updateTrackRecord(String providerId, Bson update) {
        return mongo.getCollection(TrackRecordDocument.COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", providerId), update,
                        new UpdateOptions().upsert(true))))
                .then();
    }

    private Mono<Boolean> replaceIfNewer(String collection, String id, long version, Object state) {
        var document = new Document();
        mongo.getConverter().write(state, document);
        document.put("_id", id);
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version)),
                        document, new ReplaceOptions().upsert(true))))
                .map(result -> true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }
}
