package cn.innovationchina.events;

/** Where a provider is, seen from the demand; a cross-region match is allowed and counted as a result. */
public enum LocationRelation {
    SAME_CITY,
    SAME_REGION,
    CROSS_REGION
}
