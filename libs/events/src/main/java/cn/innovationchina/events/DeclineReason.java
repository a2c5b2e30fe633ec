package cn.innovationchina.events;

/** Why a provider declined an invitation; the enterprise always learns it. */
public enum DeclineReason {
    OUTSIDE_EXPERTISE,
    NO_CAPACITY,
    BUDGET,
    TIMELINE,
    CONFLICT_OF_INTEREST,
    UNCLEAR_DEMAND,
    LOCATION,
    OTHER
}
