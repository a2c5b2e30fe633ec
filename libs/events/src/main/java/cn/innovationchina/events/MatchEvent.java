package cn.innovationchina.events;

/**
 * Events of matching, on {@link Topics#MATCH_EVENTS}. All are keyed by the demand id, so the proposals for a
 * demand and the lifecycle of each of its matches stay in one order.
 */
public sealed interface MatchEvent extends DomainEvent
        permits MatchesProposed, MatchShortlisted, MatchDismissed, ProviderInvited, InvitationAccepted,
        InvitationDeclined, DockingStarted, ContractSigned, EngagementClosed, FeedbackGiven {

    String demandId();
}
