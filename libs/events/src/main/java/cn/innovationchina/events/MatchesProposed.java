package cn.innovationchina.events;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The ranked proposals of one ranking run. An empty list with an {@code unmatchedReason} says that nobody
 * qualified, so the city sees the demand as unmatched.
 */
public record MatchesProposed(
        String demandId,
        String enterpriseId,
        String cityCode,
        MatchTrigger trigger,
        List<Proposal> proposals,
        @Nullable String unmatchedReason) implements MatchEvent {
}
