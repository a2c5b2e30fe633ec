package cn.innovationchina.demand.persistence;

import java.util.Collection;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the pilot-city list: a few dozen documents, read by code or all at once. */
@Component
public class PilotCityDocuments {

    private final ReactiveMongoTemplate mongo;

    PilotCityDocuments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<PilotCityDocument> find(String code) {
        return mongo.findById(code, PilotCityDocument.class);
    }

    /** By batch, then by code. */
    public Flux<PilotCityDocument> all() {
        return mongo.find(new Query().with(Sort.by("batch", "_id")), PilotCityDocument.class);
    }

    /** The cities other than {@code code} that name any of these users among their administrators. */
    public Flux<PilotCityDocument> administeredByAnyOf(Collection<String> userNames, String code) {
        return mongo.find(Query.query(Criteria.where("administrators").in(userNames).and("_id").ne(code)),
                PilotCityDocument.class);
    }
}
