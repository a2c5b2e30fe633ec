package cn.innovationchina.matching.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import cn.innovationchina.events.Party;
import cn.innovationchina.matching.domain.DemandMatches;
import cn.innovationchina.matching.domain.Match;
import cn.innovationchina.matching.persistence.MatchStore;
import cn.innovationchina.matching.persistence.ReadModels;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.problem.StaleVersion;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.platform.web.PageRequest;
import reactor.core.publisher.Mono;

/**
 * The steps of a match, each by its party. Who the caller is for a match comes from the token: the enterprise
 * that owns the demand, or the provider of that match; anyone else gets 404, as if the match did not exist.
 */
@Service
public class MatchLifecycle {

    /** A demand's matches at a version (the ETag). */
    public record Versioned(DemandMatches matches, long version) {
    }

    /** One page of a provider's invitations, and how many it has in all. */
    public record Invitations(List<Stepped> items, PageRequest page, long total) {
    }

    /** One match and the version of its demand's list after the step. */
    public record Stepped(String demandId, Match match, long version) {
    }

    private final MatchStore store;
    private final ReadModels readModels;
    private final Clock clock;

    MatchLifecycle(MatchStore store, ReadModels readModels, Clock clock) {
        this.store = store;
        this.readModels = readModels;
        this.clock = clock;
    }

    /**
     * Today in the pilot cities' calendar, as demands' deadlines are: a docking or a contract is dated within the
     * year up to it.
     */
    public LocalDate today() {
        return PilotCities.today(clock);
    }

    /** The demand's matches, for its enterprise and for the administrators of its city. */
    public Mono<Versioned> matchesOf(String demandId, PlatformUser user) {
        return store.find(demandId)
                .filter(matches -> user.actsFor(matches.enterpriseId()) || user.administers(matches.cityCode()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Demand matches", demandId)))
                .map(matches -> new Versioned(matches, matches.version()));
    }

    /**
     * A provider's invitations and what followed them, one page: the provider's match on each demand it was invited
     * on, by demand id. A caller acting for no provider has none.
     */
    public Mono<Invitations> invitationsOf(PlatformUser user, PageRequest page) {
        String providerId = user.providerId();
        if (providerId == null) {
            return Mono.just(new Invitations(List.of(), page, 0));
        }
        return store.invitationsOf(providerId, page).map(found -> new Invitations(found.items().stream()
                .flatMap(matches -> matches.matches().stream()
                        .filter(m -> m.providerId().equals(providerId) && DemandMatches.invitedOrLater(m.status()))
                        .map(m -> new Stepped(matches.id(), m, matches.version())))
                .toList(), page, found.total()));
    }

    /** Applies one step to one match; it is refused (412) unless the demand's list is still at {@code ifMatch}. */
    public Mono<Stepped> step(String demandId, String matchId, PlatformUser user, long ifMatch,
            BiFunction<DemandMatches, Party, Decision<DemandMatches>> step) {
        return step(demandId, matchId, user, ifMatch, step, match -> Mono.empty());
    }

    /**
     * A step that starts work with the provider (an invitation, its acceptance): refused (409) once the platform
     * administrator has deactivated him, whose profile the enterprise could then no longer open. New rankings leave
     * him out already; this covers the matches proposed before.
     */
    public Mono<Stepped> stepWithActiveProvider(String demandId, String matchId, PlatformUser user, long ifMatch,
            BiFunction<DemandMatches, Party, Decision<DemandMatches>> step) {
        return step(demandId, matchId, user, ifMatch, step, this::providerStillActive);
    }

    /** The domain decides first, so a caller who may not see the match learns nothing of its provider. */
    private Mono<Stepped> step(String demandId, String matchId, PlatformUser user, long ifMatch,
            BiFunction<DemandMatches, Party, Decision<DemandMatches>> step, Function<Match, Mono<Void>> allowed) {
        return store.find(demandId)
                .switchIfEmpty(Mono.error(() -> new NotFound("Match", matchId)))
                .flatMap(matches -> {
                    Party party = partyOf(matches, matchId, user);
                    if (ifMatch != matches.version()) {
                        return Mono.error(new StaleVersion("Demand matches", demandId, ifMatch));
                    }
                    var decision = step.apply(matches, party);
                    var match = decision.state().find(matchId).orElseThrow();
                    return allowed.apply(match).then(Mono.defer(() -> store.save(matches, decision)))
                            .map(version -> new Stepped(demandId, match, version));
                });
    }

    /** A provider matching has not heard of yet is taken as active: only a deactivation stops him. */
    private Mono<Void> providerStillActive(Match match) {
        return readModels.provider(match.providerId())
                .filter(provider -> !provider.active())
                .flatMap(inactive -> Mono.<Void>error(new Conflict("Provider " + match.providerId()
                        + " is no longer active on the platform: the match takes no invitation or acceptance")));
    }

    private static Party partyOf(DemandMatches matches, String matchId, PlatformUser user) {
        var match = matches.find(matchId).orElseThrow(() -> new NotFound("Match", matchId));
        if (user.actsFor(matches.enterpriseId())) {
            return Party.ENTERPRISE;
        }
        if (user.isProvider(match.providerId())) {
            return Party.PROVIDER;
        }
        throw new NotFound("Match", matchId);
    }
}
