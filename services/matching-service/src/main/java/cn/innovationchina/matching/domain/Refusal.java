package cn.innovationchina.matching.domain;

/** Why a hard rule keeps a provider off a demand's list, whatever its score. */
public enum Refusal {
    INACTIVE,
    UNAVAILABLE,
    NO_FREE_CAPACITY,
    CONFLICT_OF_INTEREST,
    MODES_DO_NOT_FIT,
    UNVERIFIED_FOR_CONFIDENTIAL_DEMAND
}
