package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

/**
 * One proposed provider. {@code providerCityCode}: the pilot city whose service group it belongs to, if any;
 * {@code providerDivisionCode}: where it is (GB/T 2260), absent only in events written before it existed.
 */
public record Proposal(
        String matchId,
        String providerId,
        String providerName,
        ProviderKind providerKind,
        @Nullable String providerCityCode,
        @Nullable String providerDivisionCode,
        int rank,
        double score,
        MatchExplanation explanation) {
}
