package cn.innovationchina.matching.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of matching's hot paths: a new or changed provider looks for the open demands it may suit and for
 * the match lists it is on; neither may read every demand the platform ever had.
 */
@Component
class MatchingIndexes implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    MatchingIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(DemandDocument.COLLECTION).createIndex(new Index(DemandDocument.OPEN, Sort.Direction.ASC)
                .named("open")).block();
        mongo.indexOps(DemandMatchesDocument.COLLECTION).createIndex(new Index(DemandMatchesDocument.MATCHED_PROVIDER,
                Sort.Direction.ASC).named("matches_providerId")).block();
    }
}
