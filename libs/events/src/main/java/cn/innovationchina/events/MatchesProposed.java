package cn.innovationchina.events;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The ranked proposals of one ranking run. An empty list with an {@code unmatchedReason} says that nobody
 * qualified, so the city sees the demand as unmatched. {@code demandTitle} is the title of the demand as ranked, so
 * whoever tells the enterprise names its demand without a look-up; events from before it was carried have none.
 */
public record MatchesProposed(
        String demandId,
        @Nullable String demandTitle,
        String enterpriseId,
        String cityCode,
        MatchTrigger trigger,
        List<Proposal> proposals,
        @Nullable String unmatchedReason) implements MatchEvent {
}
