package cn.innovationchina.events;

/** The side of a match that acted. */
public enum Party {
    ENTERPRISE,
    PROVIDER
}
