package cn.innovationchina.events;

/** From now on the enterprise may see the provider's contact details. */
public record InvitationAccepted(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode) implements MatchEvent {
}
