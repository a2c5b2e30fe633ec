package cn.innovationchina.matching.application;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.persistence.OpenDemandIndex;
import cn.innovationchina.matching.persistence.ReadModels;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The open demands reverse matching can reach (ADR 0062): this instance's index of them, rebuilt from the read model
 * at start-up and kept current by every demand event, in this instance's own consumer group (as the
 * provider index is, ADR 0014) and by the demands this instance ranks, before it searches for them.
 */
@Component
public class OpenDemands implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(OpenDemands.class);

    private final OpenDemandIndex index;
    private final ReadModels readModels;
    private final int demandPool;
    private final CompletableFuture<Void> rebuilt = new CompletableFuture<>();

    OpenDemands(OpenDemandIndex index, ReadModels readModels,
            @Value("${matching.reverse.demand-pool:100}") int demandPool) {
        this.index = index;
        this.readModels = readModels;
        this.demandPool = demandPool;
    }

    /**
     * Rebuilds the index in the background: ranking demands does not need it, and 50,000 open demands take 20 s to
     * analyse; reverse matching waits for it. A read model not answering yet is asked again.
     */
    @Override
    public void afterPropertiesSet() {
        var thread = new Thread(this::rebuild, "open-demand-index-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    private void rebuild() {
        long started = System.nanoTime();
        index.put(readModels.openDemands().collectList()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .block());
        rebuilt.complete(null);
        log.info("Open demand index rebuilt from the read model: {} demands in {} ms", index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** This instance's own handlers of the demand events (submitted or rejected demands are never open). */
    public Mono<Void> published(EventEnvelope<DemandPublished> event) {
        return Mono.fromRunnable(() -> put(Demand.published(event.payload(), event.aggregateVersion())));
    }

    public Mono<Void> revised(EventEnvelope<DemandRevised> event) {
        return Mono.fromRunnable(() -> put(Demand.revised(event.payload(), event.aggregateVersion())));
    }

    /** Withdrawn, closed or expired. */
    public Mono<Void> ended(EventEnvelope<? extends DemandEvent> event) {
        return Mono.fromRunnable(() -> end(event.aggregateId(), event.aggregateVersion()));
    }

    void put(Demand demand) {
        index.put(List.of(demand));
    }

    void end(String demandId, long version) {
        index.end(demandId, version);
    }

    /** Whether this instance learnt of this version of the demand no longer than {@code age} ago. */
    boolean arrivedWithin(Demand demand, Duration age) {
        return index.takenWithin(demand.id(), demand.version(), age);
    }

    /**
     * The ids of the open demands the provider has evidence for, best first, once the index is rebuilt; CPU work, off
     * the reply's thread.
     */
    Mono<List<String>> fitting(Provider provider) {
        return Mono.fromFuture(rebuilt, true)
                .then(Mono.fromCallable(() -> index.fitting(provider, demandPool)).subscribeOn(Schedulers.parallel()));
    }
}
