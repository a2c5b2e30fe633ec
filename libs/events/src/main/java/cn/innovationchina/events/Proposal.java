package cn.innovationchina.events;

public record Proposal(
        String matchId,
        String providerId,
        String providerName,
        ProviderKind providerKind,
        String providerCityCode,
        int rank,
        double score,
        MatchExplanation explanation) {
}
