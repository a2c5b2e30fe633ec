package cn.innovationchina.demand.application;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.innovationchina.demand.domain.Demand;
import cn.innovationchina.demand.persistence.DemandDocument;
import cn.innovationchina.demand.persistence.DemandDocuments;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.problem.StaleVersion;
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Mono;

/**
 * Ends published demands whose deadline day is over. Every instance runs it; each expiry is a write guarded by
 * the version the instance read, so when two instances (or an enterprise's own change) race, one write wins and
 * the others change and publish nothing (ADR 0008).
 */
@Component
public class DemandExpiry {

    private final AggregateStore store;
    private final DemandDocuments documents;
    private final Clock clock;

    DemandExpiry(AggregateStore store, DemandDocuments documents, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.clock = clock;
    }

    /** Returns how many demands this run expired. */
    @Scheduled(fixedDelayString = "${demand.expiry-interval}", initialDelayString = "${demand.expiry-interval}")
    public Mono<Long> expireDue() {
        return Mono.defer(() -> {
            var today = PilotCities.today(clock);
            return documents.dueForExpiry(today).map(DemandDocument::toDomain).filter(demand -> demand.isDue(today))
                    .concatMap(demand -> {
                        var decision = demand.expire(clock);
                        return store.update(DemandDocument.of(decision.state()), demand.id(), demand.version(),
                                demand.cityCode(), decision.events()).thenReturn(1L)
                                .onErrorResume(StaleVersion.class, lost -> Mono.just(0L));
                    })
                    .reduce(0L, Long::sum);
        });
    }
}
