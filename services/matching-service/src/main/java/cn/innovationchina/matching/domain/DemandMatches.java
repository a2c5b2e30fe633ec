package cn.innovationchina.matching.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.DismissReason;
import cn.innovationchina.events.DockingStarted;
import cn.innovationchina.events.EngagementClosed;
import cn.innovationchina.events.EngagementOutcome;
import cn.innovationchina.events.FeedbackGiven;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.MatchDismissed;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.MatchShortlisted;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Party;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.IllegalTransition;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.NotFound;

/**
 * The aggregate: every match of one demand. Its id is the demand id, so all match events are keyed by the demand
 * and stay in one order. {@code rankedDemandVersion} is the demand version last ranked: a redelivered or older
 * demand event proposes nothing. {@code ended}: the demand was withdrawn, closed or expired.
 */
public record DemandMatches(String id, String enterpriseId, String cityCode, long rankedDemandVersion,
        List<Match> matches, boolean ended, long version) {

    public static DemandMatches none(Demand demand) {
        return new DemandMatches(demand.id(), demand.enterpriseId(), demand.cityCode(), 0, List.of(), false, 0);
    }

    public Optional<Match> find(String matchId) {
        return matches.stream().filter(m -> m.matchId().equals(matchId)).findFirst();
    }

    /** Whether this provider already has a match for the demand, in any state. */
    public boolean involves(String providerId) {
        return matches.stream().anyMatch(m -> m.providerId().equals(providerId));
    }

    /**
     * Proposes a ranking of the demand at {@code demandVersion}. Matches under way keep their state; providers
     * already set aside (dismissed, declined) or under way are not proposed again; a provider still PROPOSED keeps
     * its match id. Nothing happens for a demand version already ranked.
     */
    public Decision<DemandMatches> propose(RankingResult result, MatchTrigger trigger, Demand demand,
            Supplier<String> matchIds) {
        long demandVersion = demand.version();
        if (demandVersion <= rankedDemandVersion || ended) {
            return new Decision<>(this, List.of());
        }
        List<Match> kept = new ArrayList<>(matches.stream().filter(m -> m.status() != MatchStatus.PROPOSED).toList());
        List<Match> proposed = new ArrayList<>();
        for (RankedProvider ranked : result.proposals()) {
            var provider = ranked.provider();
            if (kept.stream().anyMatch(m -> m.providerId().equals(provider.id()))) {
                continue;
            }
            int rank = proposed.size() + 1;
            proposed.add(matches.stream()
                    .filter(m -> m.providerId().equals(provider.id()) && m.status() == MatchStatus.PROPOSED)
                    .findFirst()
                    .map(m -> m.reranked(rank, ranked.score(), ranked.explanation()))
                    .orElseGet(() -> new Match(matchIds.get(), provider.id(), provider.profile().name(),
                            provider.profile().kind(), provider.profile().cityCode(),
                            provider.profile().divisionCode(), rank, ranked.score(),
                            ranked.explanation(), MatchStatus.PROPOSED, false, false, null)));
        }
        kept.addAll(proposed);
        String unmatched = proposed.isEmpty()
                ? (result.unmatchedReason() != null ? result.unmatchedReason()
                        : "Every qualifying provider is already matched with this demand")
                : null;
        var event = new MatchesProposed(id, demand.content().title(), enterpriseId, cityCode, trigger,
                proposed.stream().map(DemandMatches::proposal).toList(), unmatched);
        return new Decision<>(new DemandMatches(id, enterpriseId, cityCode, demandVersion, List.copyOf(kept), ended,
                version),
                List.of(event));
    }

    /** Reverse matching: one provider that now enters the demand's top K joins its list. */
    public Decision<DemandMatches> proposeLateComer(RankedProvider ranked, Demand demand, String matchId) {
        if (ended || involves(ranked.provider().id())) {
            return new Decision<>(this, List.of());
        }
        var profile = ranked.provider().profile();
        var match = new Match(matchId, ranked.provider().id(), profile.name(), profile.kind(), profile.cityCode(),
                profile.divisionCode(), ranked.rank(), ranked.score(), ranked.explanation(), MatchStatus.PROPOSED,
                false, false, null);
        List<Match> all = new ArrayList<>(matches);
        all.add(match);
        var event = new MatchesProposed(id, demand.content().title(), enterpriseId, cityCode,
                MatchTrigger.PROVIDER_CHANGED,
                List.of(proposal(match)), null);
        return new Decision<>(with(all), List.of(event));
    }

    /**
     * The demand was withdrawn, closed or expired: engagements without a contract end (TERMINATED), which frees the
     * providers' capacity; contracted engagements run on; nothing new starts.
     */
    public Decision<DemandMatches> end() {
        if (ended) {
            return new Decision<>(this, List.of());
        }
        List<MatchEvent> events = new ArrayList<>();
        List<Match> all = new ArrayList<>();
        for (Match match : matches) {
            if (match.status() == MatchStatus.ACCEPTED || match.status() == MatchStatus.DOCKING) {
                events.add(new EngagementClosed(match.matchId(), id, match.providerId(), enterpriseId, cityCode,
                        EngagementOutcome.TERMINATED));
                all.add(match.with(MatchStatus.CLOSED));
            } else {
                all.add(match);
            }
        }
        return Decision.of(new DemandMatches(id, enterpriseId, cityCode, rankedDemandVersion, List.copyOf(all),
                true, version), events);
    }

    public Decision<DemandMatches> shortlist(String matchId, Party party) {
        var match = step(matchId, party, Party.ENTERPRISE, MatchStatus.SHORTLISTED, MatchStatus.PROPOSED);
        return decide(match.with(MatchStatus.SHORTLISTED),
                new MatchShortlisted(matchId, id, match.providerId(), enterpriseId, cityCode));
    }

    public Decision<DemandMatches> dismiss(String matchId, Party party, DismissReason reason, String note) {
        var match = step(matchId, party, Party.ENTERPRISE, MatchStatus.DISMISSED, MatchStatus.PROPOSED,
                MatchStatus.SHORTLISTED);
        return decide(match.with(MatchStatus.DISMISSED),
                new MatchDismissed(matchId, id, match.providerId(), enterpriseId, cityCode, reason, note));
    }

    public Decision<DemandMatches> invite(String matchId, Party party, String message) {
        var match = step(matchId, party, Party.ENTERPRISE, MatchStatus.INVITED, MatchStatus.PROPOSED,
                MatchStatus.SHORTLISTED);
        return decide(match.invited(message), new ProviderInvited(matchId, id, match.providerId(),
                enterpriseId, cityCode, match.explanation(), message));
    }

    public Decision<DemandMatches> accept(String matchId, Party party) {
        var match = step(matchId, party, Party.PROVIDER, MatchStatus.ACCEPTED, MatchStatus.INVITED);
        return decide(match.with(MatchStatus.ACCEPTED),
                new InvitationAccepted(matchId, id, match.providerId(), enterpriseId, cityCode));
    }

    public Decision<DemandMatches> decline(String matchId, Party party, DeclineReason reason, String note) {
        var match = step(matchId, party, Party.PROVIDER, MatchStatus.DECLINED, MatchStatus.INVITED);
        return decide(match.with(MatchStatus.DECLINED),
                new InvitationDeclined(matchId, id, match.providerId(), enterpriseId, cityCode, reason, note));
    }

    /** Either side records that they met, on a day within the year up to {@code today}. */
    public Decision<DemandMatches> startDocking(String matchId, Party party, LocalDate startedOn, LocalDate today) {
        var match = step(matchId, party, party, MatchStatus.DOCKING, MatchStatus.ACCEPTED);
        happened(today, "startedOn", startedOn);
        return decide(match.with(MatchStatus.DOCKING),
                new DockingStarted(matchId, id, match.providerId(), enterpriseId, cityCode, startedOn));
    }

    /** The enterprise records the contract, signed on a day within the year up to {@code today}. */
    public Decision<DemandMatches> signContract(String matchId, Party party, String contractId, long valueCny,
            CooperationMode mode, LocalDate signedOn, LocalDate today) {
        if (valueCny <= 0 || valueCny > ContractSigned.MAX_VALUE_CNY) {
            throw new InvalidInput("valueCny", "must be from 1 to " + ContractSigned.MAX_VALUE_CNY + " CNY");
        }
        var match = step(matchId, party, Party.ENTERPRISE, MatchStatus.CONTRACTED, MatchStatus.DOCKING);
        happened(today, "signedOn", signedOn);
        return decide(match.with(MatchStatus.CONTRACTED), new ContractSigned(matchId, id, match.providerId(),
                enterpriseId, cityCode, contractId, valueCny, mode, signedOn, match.providerCityCode(),
                match.explanation().location()));
    }

    /** Either side ends the engagement: COMPLETED after a contract, TERMINATED with or without one. */
    public Decision<DemandMatches> close(String matchId, Party party, EngagementOutcome outcome) {
        var match = step(matchId, party, party, MatchStatus.CLOSED, MatchStatus.ACCEPTED, MatchStatus.DOCKING,
                MatchStatus.CONTRACTED);
        if (outcome == EngagementOutcome.COMPLETED && match.status() != MatchStatus.CONTRACTED) {
            throw new IllegalTransition(match.status(), MatchStatus.CLOSED);
        }
        return decide(match.with(MatchStatus.CLOSED),
                new EngagementClosed(matchId, id, match.providerId(), enterpriseId, cityCode, outcome));
    }

    /** Each side rates the other once, after a contract or the end of the engagement. */
    public Decision<DemandMatches> giveFeedback(String matchId, Party party, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw new InvalidInput("rating", "must be from 1 to 5");
        }
        var match = visibleMatch(matchId, party);
        if (match.status() != MatchStatus.CONTRACTED && match.status() != MatchStatus.CLOSED) {
            throw new Conflict("Feedback comes after a contract or the end of the engagement, not in "
                    + match.status());
        }
        boolean given = party == Party.ENTERPRISE ? match.enterpriseGaveFeedback() : match.providerGaveFeedback();
        if (given) {
            throw new Conflict("Feedback for match " + matchId + " was already given");
        }
        return decide(match.withFeedbackFrom(party), new FeedbackGiven(matchId, id, match.providerId(), enterpriseId,
                cityCode, party, rating, comment));
    }

    /**
     * The match as one party may see it: the enterprise sees all its matches, a provider only those it was invited
     * to. Anything else is not found, so a match's existence is never confirmed to a stranger.
     */
    public Match visibleMatch(String matchId, Party party) {
        return find(matchId).filter(m -> party == Party.ENTERPRISE || invitedOrLater(m.status()))
                .orElseThrow(() -> new NotFound("Match", matchId));
    }

    public static boolean invitedOrLater(MatchStatus status) {
        return status != MatchStatus.PROPOSED && status != MatchStatus.SHORTLISTED
                && status != MatchStatus.DISMISSED;
    }

    private Match step(String matchId, Party party, Party allowed, MatchStatus to, MatchStatus... from) {
        var match = visibleMatch(matchId, party);
        if (party != allowed) {
            throw new NotFound("Match", matchId);
        }
        if (ended && to != MatchStatus.CONTRACTED && to != MatchStatus.CLOSED) {
            throw new Conflict("Demand " + id + " has ended: its matches take no new step");
        }
        for (MatchStatus status : from) {
            if (match.status() == status) {
                return match;
            }
        }
        throw new IllegalTransition(match.status(), to);
    }

    /**
     * A step is dated when it happened: never later than today, and not more than a year before, since the parties
     * record it as it happens (a step recorded late, say from before the platform proposed the match, is still
     * theirs to date) and a date decades back is a typing error that would land in a city's figures of that year.
     */
    private static void happened(LocalDate today, String field, LocalDate date) {
        if (date.isAfter(today)) {
            throw new InvalidInput(field, "must not be after today, " + today + " in China");
        }
        if (date.isBefore(today.minusYears(1))) {
            throw new InvalidInput(field, "must not be more than a year before today, " + today + " in China");
        }
    }

    private Decision<DemandMatches> decide(Match changed, MatchEvent event) {
        var all = matches.stream().map(m -> m.matchId().equals(changed.matchId()) ? changed : m).toList();
        return new Decision<>(with(all), List.of(event));
    }

    private DemandMatches with(List<Match> all) {
        return new DemandMatches(id, enterpriseId, cityCode, rankedDemandVersion, all, ended, version);
    }

    private static Proposal proposal(Match match) {
        return new Proposal(match.matchId(), match.providerId(), match.providerName(), match.providerKind(),
                match.providerCityCode(), match.providerDivisionCode(), match.rank(), match.score(),
                match.explanation());
    }
}
