package cn.innovationchina.events;

public enum EngagementOutcome {
    COMPLETED,
    TERMINATED
}
