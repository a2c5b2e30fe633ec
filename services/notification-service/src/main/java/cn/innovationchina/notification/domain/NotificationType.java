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
    /** The daily or weekly summary of the others, by email. */
    DIGEST
}
