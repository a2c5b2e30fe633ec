package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

public record MatchDismissed(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode,
        DismissReason reason,
        @Nullable String note) implements MatchEvent {
}
