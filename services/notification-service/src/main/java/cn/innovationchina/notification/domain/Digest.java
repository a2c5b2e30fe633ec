package cn.innovationchina.notification.domain;

/** When a recipient's emails go out: each at once, or one summary per day or per week. */
public enum Digest {
    IMMEDIATE,
    DAILY,
    WEEKLY
}
