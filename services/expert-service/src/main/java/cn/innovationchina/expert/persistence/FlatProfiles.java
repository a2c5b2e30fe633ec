package cn.innovationchina.expert.persistence;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Providers stored before the profile was a sub-document keep its fields at the top level: at start-up each gets
 * them moved into {@code profile}, so searches (which filter on {@code profile.*}) find it. Reading either shape
 * works without this; the move keeps the version (it changes no fact, so no ETag goes stale) and is guarded by it,
 * so a write in between wins and the move of that document is simply not made.
 */
@Component
class FlatProfiles implements InitializingBean {

    private static final String VERSION = "version";

    private final ReactiveMongoTemplate mongo;
    private final PilotCities cities;

    FlatProfiles(ReactiveMongoTemplate mongo, PilotCities cities) {
        this.mongo = mongo;
        this.cities = cities;
    }

    @Override
    public void afterPropertiesSet() {
        moveIntoSubDocuments().block();
    }

    Mono<Long> moveIntoSubDocuments() {
        return mongo.getCollection(ProviderDocument.COLLECTION)
                .flatMapMany(providers -> Flux.from(providers.find(Filters.exists(ProviderDocument.PROFILE, false)))
                        .concatMap(flat -> Mono.from(providers.updateOne(
                                Filters.and(Filters.eq("_id", flat.get("_id")),
                                        Filters.eq(VERSION, flat.get(VERSION)),
                                        Filters.exists(ProviderDocument.PROFILE, false)),
                                Updates.combine(Updates.set(ProviderDocument.PROFILE, profile(flat)),
                                        Updates.combine(StoredProfile.FIELDS.stream().map(Updates::unset).toList()))))))
                .reduce(0L, (moved, result) -> moved + result.getModifiedCount());
    }

    private Document profile(Document flat) {
        return StoredProfile.of(StoredProfile.read(flat, flat.getString("_id"), cities));
    }
}
