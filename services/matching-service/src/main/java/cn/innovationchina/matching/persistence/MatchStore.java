package cn.innovationchina.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import cn.innovationchina.matching.domain.DemandMatches;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.outbox.AggregateStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads and stores {@link DemandMatches} as its {@link DemandMatchesDocument}; its id is the demand id, so every
 * match event is keyed by the demand. A store is guarded by the version the decision was based on
 * ({@code StaleVersion} otherwise).
 */
@Component
public class MatchStore {

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;

    MatchStore(ReactiveMongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    public Mono<DemandMatches> find(String demandId) {
        return mongo.findById(demandId, DemandMatchesDocument.class).map(DemandMatchesDocument::toDomain);
    }

    public Flux<DemandMatches> involving(String providerId) {
        return mongo.find(query(where(DemandMatchesDocument.MATCHED_PROVIDER).is(providerId)),
                DemandMatchesDocument.class).map(DemandMatchesDocument::toDomain);
    }

    /** Stores the decision taken on {@code before} (a new aggregate when {@code before} was never stored). */
    public Mono<Long> save(DemandMatches before, Decision<DemandMatches> decision) {
        return save(decision, before.version());
    }

    public Mono<Long> save(Decision<DemandMatches> decision, long expectedVersion) {
        var state = decision.state();
        var document = DemandMatchesDocument.of(state);
        return expectedVersion == 0 ? store.create(document, state.id(), state.cityCode(), decision.events())
                : store.update(document, state.id(), expectedVersion, state.cityCode(), decision.events());
    }
}
