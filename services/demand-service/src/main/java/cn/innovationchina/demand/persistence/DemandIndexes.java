package cn.innovationchina.demand.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The ways demands are listed: an enterprise's own, a city's, the published ones (and the expiry job's). Created
 * most selective first, since the Mongo stand-in answers a query from the first index that can serve it.
 */
@Component
class DemandIndexes implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    DemandIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var demands = mongo.indexOps(DemandDocument.class);
        demands.createIndex(new Index("enterprise.enterpriseId", Sort.Direction.ASC).named("enterprise")).block();
        demands.createIndex(new Index("cityCode", Sort.Direction.ASC).named("city")).block();
        demands.createIndex(new Index("status", Sort.Direction.ASC).named("status")).block();
    }
}
