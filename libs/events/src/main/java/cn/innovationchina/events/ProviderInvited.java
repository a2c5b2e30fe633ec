package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

/** The enterprise invites a provider; the explanation tells the provider why it was picked. */
public record ProviderInvited(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode,
        MatchExplanation explanation,
        @Nullable String message) implements MatchEvent {
}
