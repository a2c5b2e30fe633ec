package cn.innovationchina.matching.domain;

import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.Party;
import cn.innovationchina.events.ProviderKind;

/** One provider proposed for one demand, and how far the two sides got. */
public record Match(String matchId, String providerId, String providerName, ProviderKind providerKind,
        String providerCityCode, int rank, double score, MatchExplanation explanation, MatchStatus status,
        boolean enterpriseGaveFeedback, boolean providerGaveFeedback, String invitationMessage) {

    Match with(MatchStatus next) {
        return new Match(matchId, providerId, providerName, providerKind, providerCityCode, rank, score, explanation,
                next, enterpriseGaveFeedback, providerGaveFeedback, invitationMessage);
    }

    Match reranked(int newRank, double newScore, MatchExplanation newExplanation) {
        return new Match(matchId, providerId, providerName, providerKind, providerCityCode, newRank, newScore,
                newExplanation, status, enterpriseGaveFeedback, providerGaveFeedback, invitationMessage);
    }

    Match withFeedbackFrom(Party party) {
        return new Match(matchId, providerId, providerName, providerKind, providerCityCode, rank, score, explanation,
                status, enterpriseGaveFeedback || party == Party.ENTERPRISE,
                providerGaveFeedback || party == Party.PROVIDER, invitationMessage);
    }

    /** Invited, keeping the enterprise's message for the provider to read. */
    Match invited(String message) {
        return new Match(matchId, providerId, providerName, providerKind, providerCityCode, rank, score, explanation,
                MatchStatus.INVITED, enterpriseGaveFeedback, providerGaveFeedback, message);
    }
}
