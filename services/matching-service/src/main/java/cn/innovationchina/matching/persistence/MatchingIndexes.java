package cn.innovationchina.matching.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import cn.innovationchina.matching.domain.DemandMatches;

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
        mongo.indexOps(ReadModels.DEMANDS).createIndex(new Index("open", Sort.Direction.ASC).named("open")).block();
        mongo.indexOps(DemandMatches.class).createIndex(new Index("matches.providerId", Sort.Direction.ASC)
                .named("matches_providerId")).block();
    }
}
