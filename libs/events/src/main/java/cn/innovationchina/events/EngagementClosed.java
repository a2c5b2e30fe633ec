package cn.innovationchina.events;

public record EngagementClosed(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode,
        EngagementOutcome outcome) implements MatchEvent {
}
