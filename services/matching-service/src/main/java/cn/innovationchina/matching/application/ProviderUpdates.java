package cn.innovationchina.matching.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.ProviderAvailabilityChanged;
import cn.innovationchina.events.ProviderDeactivated;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.events.ProviderVerified;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.persistence.DailyProposalQuota;
import cn.innovationchina.matching.persistence.ReadModels;
import reactor.core.publisher.Mono;

/**
 * Keeps the provider read model and the index current, then reverse-matches: a provider that now enters the top K
 * of an open demand it is not matched with yet is proposed to it, at most {@code matching.reverse.daily-cap}
 * times per provider per day (UTC), so a new profile does not flood enterprises.
 */
@Service
public class ProviderUpdates {

    private final ReadModels readModels;
    private final ProviderCatalog catalog;
    private final Ranking ranking;
    private final MatchStore matches;
    private final DailyProposalQuota quota;
    private final Supplier<String> matchIds;
    private final Clock clock;
    private final int dailyCap;

    ProviderUpdates(ReadModels readModels, ProviderCatalog catalog, Ranking ranking, MatchStore matches,
            DailyProposalQuota quota, Supplier<String> matchIds, Clock clock,
            @Value("${matching.reverse.daily-cap:3}") int dailyCap) {
        this.readModels = readModels;
        this.catalog = catalog;
        this.ranking = ranking;
        this.matches = matches;
        this.quota = quota;
        this.matchIds = matchIds;
        this.clock = clock;
        this.dailyCap = dailyCap;
    }

    public Mono<Void> on(EventEnvelope<ProviderEvent> event) {
        long version = event.aggregateVersion();
        return readModels.provider(event.aggregateId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(stored -> {
                    if (stored.isPresent() && stored.get().version() >= version) {
                        return Mono.empty();
                    }
                    return Mono.justOrEmpty(next(stored.orElse(null), event.payload(), version));
                })
                .flatMap(provider -> readModels.save(provider).thenReturn(provider))
                .doOnNext(provider -> catalog.put(List.of(provider)))
                .flatMap(this::reverseMatch);
    }

    private static Provider next(Provider stored, ProviderEvent payload, long version) {
        if (payload instanceof ProviderRegistered registered) {
            return new Provider(registered.providerId(), registered.profile(), stored == null || stored.active(),
                    version);
        }
        if (payload instanceof ProviderProfileUpdated updated) {
            return new Provider(updated.providerId(), updated.profile(), stored == null || stored.active(), version);
        }
        if (stored == null) {
            return null;
        }
        if (payload instanceof ProviderAvailabilityChanged changed) {
            return stored.withAvailability(changed.availability(), version);
        }
        if (payload instanceof ProviderVerified) {
            return stored.verified(version);
        }
        if (payload instanceof ProviderDeactivated) {
            return stored.deactivated(version);
        }
        return null;
    }

    private Mono<Void> reverseMatch(Provider provider) {
        if (!provider.active() || provider.profile().availability() != Availability.AVAILABLE) {
            return Mono.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return readModels.openDemands()
                .concatMap(demand -> quota.used(provider.id(), today)
                        .filter(used -> used < dailyCap)
                        .flatMap(used -> proposeIfInTopK(provider, demand))
                        .flatMap(proposed -> quota.count(provider.id(), today)))
                .then();
    }

    /** Emits when the provider was proposed to the demand. */
    private Mono<Boolean> proposeIfInTopK(Provider provider, Demand demand) {
        return matches.find(demand.id())
                .filter(current -> !current.involves(provider.id()))
                .flatMap(current -> catalog.candidates(demand)
                        .flatMap(candidates -> Mono.justOrEmpty(ranking.rank(demand, candidates).proposals().stream()
                                .filter(ranked -> ranked.provider().id().equals(provider.id())).findFirst()))
                        .flatMap(ranked -> matches.save(current, current.proposeLateComer(ranked, matchIds.get()))))
                .map(version -> true);
    }
}
