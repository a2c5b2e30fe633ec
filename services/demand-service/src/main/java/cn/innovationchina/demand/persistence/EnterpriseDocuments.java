package cn.innovationchina.demand.persistence;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

@Component
public class EnterpriseDocuments {

    private final ReactiveMongoTemplate mongo;

    EnterpriseDocuments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<EnterpriseDocument> find(String organisationId) {
        return mongo.findById(organisationId, EnterpriseDocument.class);
    }

    public Mono<Boolean> creditCodeTaken(String creditCode) {
        return mongo.exists(Query.query(Criteria.where("creditCode").is(creditCode)), EnterpriseDocument.class);
    }
}
