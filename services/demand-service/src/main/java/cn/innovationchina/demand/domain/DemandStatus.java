package cn.innovationchina.demand.domain;

/** Where a demand is in its life. A revision keeps a demand PUBLISHED; it is not a status of its own. */
public enum DemandStatus {
    DRAFT,
    SUBMITTED,
    PUBLISHED,
    REJECTED,
    CLOSED,
    WITHDRAWN,
    EXPIRED
}
