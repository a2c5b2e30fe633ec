package cn.innovationchina.matching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.DemandMatches;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.persistence.DailyProposalQuota;
import cn.innovationchina.matching.persistence.MatchStore;
import cn.innovationchina.matching.persistence.ReadModels;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the provider read model and this instance's index current, then reverse-matches: a provider that now enters the top K
 * of an open demand it is not matched with yet is proposed to it, at most {@code matching.reverse.daily-cap}
 * times per provider per day (UTC), so a new profile does not flood enterprises. Only the open demands the
 * provider's profile finds are ranked again, the best fitting first (ADR 0062): a provider's change costs the same
 * however many demands are open.
 */
@Service
public class ProviderUpdates {

    private static final int LIST_CHECKS = 20;
    private static final Duration LIST_CHECK_INTERVAL = Duration.ofMillis(250);
    private static final Duration RANKING_WINDOW = Duration.ofSeconds(30);

    private final ReadModels readModels;
    private final ProviderCatalog catalog;
    private final OpenDemands openDemands;
    private final Ranking ranking;
    private final MatchStore matches;
    private final DailyProposalQuota quota;
    private final Supplier<String> matchIds;
    private final Clock clock;
    private final int dailyCap;

    ProviderUpdates(ReadModels readModels, ProviderCatalog catalog, OpenDemands openDemands, Ranking ranking,
            MatchStore matches, DailyProposalQuota quota, Supplier<String> matchIds, Clock clock,
            @Value("${matching.reverse.daily-cap:3}") int dailyCap) {
        this.readModels = readModels;
        this.catalog = catalog;
        this.openDemands = openDemands;
        this.ranking = ranking;
        this.matches = matches;
        this.quota = quota;
        this.matchIds = matchIds;
        this.clock = clock;
        this.dailyCap = dailyCap;
    }

    /** The service's handler (one consumer group for all instances): catches up, then reverse-matches once. */
    public Mono<Void> on(EventEnvelope<ProviderEvent> event) {
        return catchUp(event).flatMap(this::reverseMatch);
    }

    /**
     * Each instance's own handler (a consumer group per instance, ADR 0014): whichever instance ranks the next
     * demand sees the change, not only the one the service's group gave the event to.
     */
    public Mono<Void> index(EventEnvelope<ProviderEvent> event) {
        return catchUp(event).then();
    }

    /**
     * Brings the read model and this instance's catalog to at least the event's version. The catalog is never
     * ahead of the read model, so a provider it already holds at that version needs no database round trip: an
     * instance replaying the topic from its start skips what its rebuild already loaded.
     */
    private Mono<Provider> catchUp(EventEnvelope<ProviderEvent> event) {
        String id = event.aggregateId();
        long version = event.aggregateVersion();
        Optional<Provider> known = catalog.provider(id);
        if (known.isPresent() && known.get().version() >= version) {
            return Mono.just(known.get());
        }
        // A registration is a provider's first event and owes nothing to a stored one: it is written unread.
        Mono<Provider> caughtUp = event.payload() instanceof ProviderRegistered
                ? store(Provider.after(null, event.payload(), version).orElseThrow())
                : readModels.provider(id).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(stored -> stored.isPresent() && stored.get().version() >= version
                                ? Mono.just(stored.get())
                                : Mono.justOrEmpty(Provider.after(stored.orElse(null), event.payload(), version))
                                        .flatMap(this::store));
        return caughtUp.flatMap(catalog::take);
    }

    /** Stores the provider unless a version at least as new is there (a redelivery), which is taken instead. */
    private Mono<Provider> store(Provider next) {
        return readModels.save(next).flatMap(saved -> saved ? Mono.just(next) : readModels.provider(next.id()));
    }

    private Mono<Void> reverseMatch(Provider provider) {
        if (!provider.active() || provider.profile().availability() != Availability.AVAILABLE) {
            return Mono.empty();
        }
        LocalDate today = LocalDate.now(clock);
        // The demands he fits first: when none does (a provider imported before any demand), the quota is not read.
        return openDemands.fitting(provider).filter(found -> !found.isEmpty())
                .flatMap(found -> quota.used(provider.id(), today).flatMap(used -> {
                    // One provider's events come one at a time, so the proposals left today can be counted here.
                    int left = dailyCap - used;
                    if (left <= 0) {
                        return Mono.empty();
                    }
                    // Each proposal is one element: taking the last one left stops the ranking of the demands found.
                    return readModels.demands(found)
                            .filter(Demand::open)
                            .concatMap(demand -> proposeIfInTopK(provider, demand)
                                    .flatMap(proposed -> quota.count(provider.id(), today).thenReturn(demand.id())))
                            .take(left)
                            .then();
                }));
    }

    /** Emits when the provider was proposed to the demand. */
    private Mono<Boolean> proposeIfInTopK(Provider provider, Demand demand) {
        return catalog.candidatesIncluding(demand, provider.id())
                .flatMap(candidates -> Mono.justOrEmpty(ranking.rank(demand, candidates).proposals().stream()
                        .filter(ranked -> ranked.provider().id().equals(provider.id())).findFirst()))
                .flatMap(ranked -> rankedList(demand)
                        .filter(current -> !current.involves(provider.id()))
                        .flatMap(current -> matches.save(current,
                                current.proposeLateComer(ranked, demand, matchIds.get()))))
                .map(version -> true);
    }

    /**
     * The demand's match list once it holds the demand's own ranking of this version. A demand is stored open before
     * it is ranked, so reverse matching can find it while that ranking runs, and that ranking may have searched
     * before this provider was indexed: waiting for its list (not skipping the demand) keeps the provider's place.
     * Only a demand that arrived within {@code RANKING_WINDOW} is waited for, at most {@code LIST_CHECKS} checks: one
     * still without its list after that failed its ranking (it went to the DLQ) and is skipped at once.
     */
    private Mono<DemandMatches> rankedList(Demand demand) {
        int checks = openDemands.arrivedWithin(demand, RANKING_WINDOW) ? LIST_CHECKS : 1;
        return Flux.range(0, checks)
                .concatMap(check -> (check == 0 ? matches.find(demand.id())
                        : Mono.delay(LIST_CHECK_INTERVAL).then(matches.find(demand.id())))
                        .filter(current -> current.rankedDemandVersion() >= demand.version()))
                .next();
    }
}
