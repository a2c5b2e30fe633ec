package cn.innovationchina.platform.observability;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/** MongoDB health by {@code ping}, which every wire-protocol server answers (Boot's own check sends {@code hello}). */
public class MongoPingHealthIndicator implements ReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Health> health() {
        return mongo.getMongoDatabase()
                .flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                        .map(reply -> Health.up().withDetail("database", db.getName()).build()))
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }
}
