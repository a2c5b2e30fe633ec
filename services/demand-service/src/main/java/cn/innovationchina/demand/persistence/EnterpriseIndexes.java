package cn.innovationchina.demand.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * One credit code registers once: the unique index is the guarantee even when two registrations race; the
 * look-up before inserting only gives the friendlier message.
 */
@Component
class EnterpriseIndexes implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    EnterpriseIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(EnterpriseDocument.COLLECTION)
                .createIndex(new Index("creditCode", Sort.Direction.ASC).unique().named("creditCode_unique"))
                .block();
    }
}
