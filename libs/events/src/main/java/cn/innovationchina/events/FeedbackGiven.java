package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

/** A rating from 1 to 5 by one side of the match about the other. */
public record FeedbackGiven(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode,
        Party givenBy,
        int rating,
        @Nullable String comment) implements MatchEvent {
}
