package cn.innovationchina.notification.persistence;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.notification.domain.Names;
import reactor.core.publisher.Mono;

/**
 * This service's read model of what demands and providers are called, so its texts name them instead of showing ids:
 * {@code demandTitles} (from every demand event that carries the title, kept after the demand ends) and
 * {@code providerNames} (from the provider's own events; a name seen in a proposal fills in for a provider whose
 * events came before this read model). Each document keeps the aggregate version it is as of, so a replayed older
 * event changes nothing.
 */
@Component
public class KnownNames {

    static final String DEMAND_TITLES = "demandTitles";
    static final String PROVIDER_NAMES = "providerNames";

    /** Enough for every provider of a large platform; past it the set starts again, costing a bulk write or two. */
    private static final int NAMED_KEPT = 200_000;

    private final ReactiveMongoTemplate mongo;
    /**
     * Providers whose {@code providerNames} document this instance saw written. Such a document is never removed, so
     * a proposal naming only these providers has nothing to fill in and writes nothing.
     */
    private final Set<String> named = ConcurrentHashMap.newKeySet();

    KnownNames(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> demandTitled(String demandId, String title, long version) {
        return keep(DEMAND_TITLES, demandId, "title", title, version);
    }

    public Mono<Void> providerNamed(String providerId, String name, long version) {
        return keep(PROVIDER_NAMES, providerId, "name", name, version)
                .doOnSuccess(kept -> remember(List.of(providerId)));
    }

    /**
     * Names from a proposal, by provider id: each kept only for a provider no event of its own has named yet. One
     * unordered bulk write for the providers not known here to be named, none when all are.
     */
    public Mono<Void> providersProposed(Map<String, String> namesById) {
        List<Map.Entry<String, String>> unknown = namesById.entrySet().stream()
                .filter(proposed -> !named.contains(proposed.getKey())).toList();
        if (unknown.isEmpty()) {
            return Mono.empty();
        }
        List<UpdateOneModel<Document>> upserts = unknown.stream()
                .map(proposed -> new UpdateOneModel<Document>(Filters.eq("_id", proposed.getKey()),
                        Updates.combine(Updates.setOnInsert("name", proposed.getValue()),
                                Updates.setOnInsert("version", 0L)),
                        new UpdateOptions().upsert(true)))
                .toList();
        return mongo.getCollection(PROVIDER_NAMES)
                .flatMap(c -> Mono.from(c.bulkWrite(upserts, new BulkWriteOptions().ordered(false))))
                .doOnSuccess(written -> remember(unknown.stream().map(Map.Entry::getKey).toList()))
                .then();
    }

    public Mono<Names> about(String demandId, @Nullable String providerId) {
        Mono<String> title = find(DEMAND_TITLES, demandId, "title");
        Mono<String> name = providerId == null ? Mono.just("") : find(PROVIDER_NAMES, providerId, "name");
        return Mono.zip(title, name).map(found -> new Names(orNull(found.getT1()), orNull(found.getT2())));
    }

    /** Replaces the document when it is older than {@code version}; a newer one makes the insert collide, harmlessly. */
    private Mono<Void> keep(String collection, String id, String field, String value, long version) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.replaceOne(
                        Filters.and(Filters.eq("_id", id), Filters.lt("version", version)),
                        new Document("_id", id).append(field, value).append("version", version),
                        new ReplaceOptions().upsert(true))))
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.empty() : Mono.error(e))
                .then();
    }

    private Mono<String> find(String collection, String id, String field) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
                .mapNotNull(document -> document.getString(field))
                .defaultIfEmpty("");
    }

    private void remember(List<String> providerIds) {
        if (named.size() + providerIds.size() > NAMED_KEPT) {
            named.clear();
        }
        named.addAll(providerIds);
    }

    private static @Nullable String orNull(String found) {
        return found.isEmpty() ? null : found;
    }
}
