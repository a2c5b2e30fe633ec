package cn.innovationchina.events;

public enum Channel {
    INBOX,
    LIVE,
    EMAIL,
    WEBHOOK
}
