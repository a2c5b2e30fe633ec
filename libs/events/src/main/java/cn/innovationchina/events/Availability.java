package cn.innovationchina.events;

public enum Availability {
    AVAILABLE,
    BUSY,
    ON_LEAVE
}
