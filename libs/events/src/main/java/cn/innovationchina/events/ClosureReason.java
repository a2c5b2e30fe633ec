package cn.innovationchina.events;

public enum ClosureReason {
    FULFILLED_BY_CONTRACT,
    NO_LONGER_NEEDED
}
