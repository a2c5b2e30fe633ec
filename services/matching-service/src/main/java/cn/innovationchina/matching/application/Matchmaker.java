package cn.innovationchina.matching.application;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.DemandMatches;
import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.domain.RankingResult;
import cn.innovationchina.matching.persistence.MatchStore;
import cn.innovationchina.matching.persistence.ReadModels;
import cn.innovationchina.platform.problem.Conflict;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Ranks a demand when it is published or revised, ends its matches when it is withdrawn, closed or expired, and
 * keeps the demand read model current. Ranking one demand (finding its candidates in the index and scoring them) is
 * timed as {@code matching.ranking}, a histogram so dashboards can take its p99 across instances.
 */
@Service
public class Matchmaker {

    private final ReadModels readModels;
    private final ProviderCatalog catalog;
    private final OpenDemands openDemands;
    private final Ranking ranking;
    private final MatchStore matches;
    private final Supplier<String> matchIds;
    private final MeterRegistry meters;

    Matchmaker(ReadModels readModels, ProviderCatalog catalog, OpenDemands openDemands, Ranking ranking,
            MatchStore matches, Supplier<String> matchIds, MeterRegistry meters) {
        this.readModels = readModels;
        this.catalog = catalog;
        this.openDemands = openDemands;
        this.ranking = ranking;
        this.matches = matches;
        this.matchIds = matchIds;
        this.meters = meters;
    }

    public Mono<Void> published(EventEnvelope<DemandPublished> event) {
        return rank(Demand.published(event.payload(), event.aggregateVersion()), MatchTrigger.DEMAND_PUBLISHED);
    }

    public Mono<Void> revised(EventEnvelope<DemandRevised> event) {
        return rank(Demand.revised(event.payload(), event.aggregateVersion()), MatchTrigger.DEMAND_REVISED);
    }

    /** The demand was withdrawn, closed or expired. */
    public Mono<Void> ended(EventEnvelope<? extends DemandEvent> event) {
        return Mono.fromRunnable(() -> openDemands.end(event.aggregateId(), event.aggregateVersion()))
                .then(readModels.demand(event.aggregateId()))
                .flatMap(demand -> readModels.save(demand.ended(event.aggregateVersion())))
                .then(matches.find(event.aggregateId()))
                .filter(current -> !current.ended())
                .flatMap(current -> matches.save(current, current.end()))
                .then();
    }

    /**
     * Stores the demand and ranks it, unless this version was ranked already: a redelivered event, or one that
     * arrives after a newer revision, proposes nothing. The demand is in this instance's open demands before its
     * search, so a provider indexed after that search finds it when reverse matched here.
     */
    private Mono<Void> rank(Demand demand, MatchTrigger trigger) {
        return readModels.save(demand)
                .then(Mono.fromRunnable(() -> openDemands.put(demand)).subscribeOn(Schedulers.parallel()))
                .then(trigger == MatchTrigger.DEMAND_PUBLISHED ? firstRanking(demand) : rankAgain(demand, trigger));
    }

    /**
     * Only a demand's own ranking makes its match list, so at its publication there is none to read: the list is
     * inserted without a look. An insert that collides is a publication handled again, ranked against the stored list.
     */
    private Mono<Void> firstRanking(Demand demand) {
        var none = DemandMatches.none(demand);
        return ranked(demand, MatchTrigger.DEMAND_PUBLISHED)
                .flatMap(result -> matches.save(none, none.propose(result, MatchTrigger.DEMAND_PUBLISHED, demand,
                        matchIds)))
                .then()
                .onErrorResume(Conflict.class, listed -> rankAgain(demand, MatchTrigger.DEMAND_PUBLISHED));
    }

    private Mono<Void> rankAgain(Demand demand, MatchTrigger trigger) {
        return matches.find(demand.id()).defaultIfEmpty(DemandMatches.none(demand))
                .filter(current -> demand.version() > current.rankedDemandVersion())
                .flatMap(current -> ranked(demand, trigger).flatMap(result -> matches.save(current,
                        current.propose(result, trigger, demand, matchIds))))
                .then();
    }

    private Mono<RankingResult> ranked(Demand demand, MatchTrigger trigger) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return catalog.candidates(demand).map(candidates -> ranking.rank(demand, candidates))
                    .doOnSuccess(result -> sample.stop(Timer.builder("matching.ranking")
                            .description("time to find and score the candidates for one demand")
                            .tag("trigger", trigger.name()).publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                            .register(meters)));
        });
    }
}
