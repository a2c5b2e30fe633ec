package cn.innovationchina.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Arrays;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.innovationchina.matching.domain.DemandMatches;
import cn.innovationchina.matching.domain.MatchStatus;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.web.PageRequest;
import reactor.core.publisher.Mono;

/**
 * Loads and stores {@link DemandMatches} as its {@link DemandMatchesDocument}; its id is the demand id, so every
 * match event is keyed by the demand. A store is guarded by the version the decision was based on
 * ({@code StaleVersion} otherwise).
 */
@Component
public class MatchStore {

    /** One page of the demands a provider was invited on, and how many there are in all. */
    public record Page(List<DemandMatches> items, long total) {
    }

    /** The stored statuses of a match its provider sees: invited, and every step after. */
    private static final List<String> INVITED_OR_LATER = Arrays.stream(MatchStatus.values())
            .filter(DemandMatches::invitedOrLater).map(DemandMatchesDocument::storedStatus).toList();

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;

    MatchStore(ReactiveMongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    public Mono<DemandMatches> find(String demandId) {
        return mongo.findById(demandId, DemandMatchesDocument.class).map(DemandMatchesDocument::toDomain);
    }

    /** The demands on which the provider was invited, at least, in a stable order (by demand id), one page. */
    public Mono<Page> invitationsOf(String providerId, PageRequest page) {
        // The provider's path first, so the index on it serves the query; then its own match's status.
        Query invited = query(where(DemandMatchesDocument.MATCHED_PROVIDER).is(providerId)
                .and(DemandMatchesDocument.MATCHES).elemMatch(where(DemandMatchesDocument.PROVIDER).is(providerId)
                        .and(DemandMatchesDocument.STATUS).in(INVITED_OR_LATER)));
        Query paged = Query.of(invited).with(Sort.by("_id")).skip(page.offset()).limit(page.size());
        return Mono.zip(mongo.find(paged, DemandMatchesDocument.class).map(DemandMatchesDocument::toDomain)
                .collectList(), mongo.count(invited, DemandMatchesDocument.class))
                .map(result -> new Page(result.getT1(), result.getT2()));
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
