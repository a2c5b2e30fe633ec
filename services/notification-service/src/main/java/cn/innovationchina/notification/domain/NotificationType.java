package cn.innovationchina.notification.domain;

/** What happened, from the recipient's point of view; each type has its own texts. */
public enum NotificationType {
    DEMAND_PUBLISHED,
    DEMAND_REJECTED,
    DEMAND_EXPIRED,
    MATCHES_PROPOSED,
    NO_QUALIFIED_MATCH,
    PROVIDER_INVITED,
    PROVIDER_SHORTLISTED,
    INVITATION_ACCEPTED,
    INVITATION_DECLINED,
    CONTRACT_RECORDED,
    FEEDBACK_RECEIVED,
    PROVIDER_VERIFIED,
    DEMAND_AWAITS_REVIEW,
    /** The enterprise: its demand's deadline is near. */
    DEMAND_EXPIRING_SOON,
    /** The city's administrators: a published demand has had no docking or contract for a while. */
    DEMAND_STALE,
    /** The daily or weekly summary of the others, by email. */
    DIGEST
}
