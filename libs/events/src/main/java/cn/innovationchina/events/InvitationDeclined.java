package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

public record InvitationDeclined(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode,
        DeclineReason reason,
        @Nullable String note) implements MatchEvent {
}
