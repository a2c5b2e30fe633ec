package cn.innovationchina.matching.domain;

/**
 * Where a match stands. PROPOSED → SHORTLISTED → INVITED (or PROPOSED → INVITED); PROPOSED or SHORTLISTED →
 * DISMISSED; INVITED → ACCEPTED or DECLINED; ACCEPTED → DOCKING → CONTRACTED → CLOSED; ACCEPTED or DOCKING →
 * CLOSED without a contract.
 */
public enum MatchStatus {
    PROPOSED,
    SHORTLISTED,
    DISMISSED,
    INVITED,
    ACCEPTED,
    DECLINED,
    DOCKING,
    CONTRACTED,
    CLOSED
}
