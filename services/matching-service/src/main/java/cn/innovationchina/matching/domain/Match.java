package cn.innovationchina.matching.domain;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.Party;
import cn.innovationchina.events.ProviderKind;

/**
 * One provider proposed for one demand, and how far the two sides got. {@code providerCityCode}: its pilot city,
 * if any; {@code providerDivisionCode}: where it is (absent in matches proposed before providers named it).
 */
public record Match(String matchId, String providerId, String providerName, ProviderKind providerKind,
        @Nullable String providerCityCode, @Nullable String providerDivisionCode, int rank, double score,
        MatchExplanation explanation, MatchStatus status, boolean enterpriseGaveFeedback, boolean providerGaveFeedback,
        String invitationMessage) {

    Match with(MatchStatus next) {
        return new Match(matchId, providerId, providerName, providerKind, providerCityCode, providerDivisionCode,
                rank, score, explanation, next, enterpriseGaveFeedback, providerGaveFeedback, invitationMessage);
    }

    Match reranked(int newRank, double newScore, MatchExplanation newExplanation) {
        return new Match(matchId, providerId, providerName, providerKind, providerCityCode, providerDivisionCode,
                newRank, newScore, newExplanation, status, enterpriseGaveFeedback, providerGaveFeedback,
                invitationMessage);
    }

    Match withFeedbackFrom(Party party) {
        return new Match(matchId, providerId, providerName, providerKind, providerCityCode, providerDivisionCode,
                rank, score, explanation, status, enterpriseGaveFeedback || party == Party.ENTERPRISE,
                providerGaveFeedback || party == Party.PROVIDER, invitationMessage);
    }

    /** Invited, keeping the enterprise's message for the provider to read. */
    Match invited(String message) {
        return new Match(matchId, providerId, providerName, providerKind, providerCityCode, providerDivisionCode,
                rank, score, explanation, MatchStatus.INVITED, enterpriseGaveFeedback, providerGaveFeedback, message);
    }
}
