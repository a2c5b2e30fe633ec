package cn.innovationchina.events;

public record MatchShortlisted(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode) implements MatchEvent {
}
