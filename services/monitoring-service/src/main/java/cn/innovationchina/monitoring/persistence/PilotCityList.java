package cn.innovationchina.monitoring.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import cn.innovationchina.monitoring.domain.PilotCity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pilot-city list as its events tell it: one document per city, {@code _id} = its code, written only by an
 * event newer than the one it holds (the aggregate version), so a redelivered or late event changes nothing.
 */
@Repository
public class PilotCityList {

    static final String COLLECTION = "pilotCities";

    private final ReactiveMongoTemplate mongo;

    PilotCityList(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the city as of this version, unless a newer one is already kept. */
    public Mono<Void> record(PilotCity city, long version) {
        var newer = Query.query(Criteria.where("_id").is(city.code()).and("version").lt(version));
        return mongo.findAndReplace(newer, CityDocument.of(city, version), FindAndReplaceOptions.options().upsert(),
                        CityDocument.class, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, kept -> Mono.empty())
                .then();
    }

    public Mono<PilotCity> find(String code) {
        return mongo.findById(code, CityDocument.class, COLLECTION).map(CityDocument::toCity);
    }

    /** By batch, then by code. */
    public Flux<PilotCity> all() {
        return mongo.find(new Query().with(Sort.by("batch", "_id")), CityDocument.class, COLLECTION)
                .map(CityDocument::toCity);
    }

    @Document
    record CityDocument(@Id String code, String nameZh, String nameEn, String divisionCode, int batch,
            boolean reviewRequired, long version) {

        static CityDocument of(PilotCity city, long version) {
            return new CityDocument(city.code(), city.nameZh(), city.nameEn(), city.divisionCode(), city.batch(),
                    city.reviewRequired(), version);
        }

        PilotCity toCity() {
            return new PilotCity(code, nameZh, nameEn, divisionCode, batch, reviewRequired);
        }
    }
}
