package cn.innovationchina.events;

/** What caused a ranking run. */
public enum MatchTrigger {
    DEMAND_PUBLISHED,
    DEMAND_REVISED,
    PROVIDER_CHANGED
}
