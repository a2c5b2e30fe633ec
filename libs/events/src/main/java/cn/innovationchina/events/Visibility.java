package cn.innovationchina.events;

/** Who may read a demand: confidential ones show only title, fields and city until a provider is invited. */
public enum Visibility {
    PUBLIC,
    REGISTERED_ONLY,
    CONFIDENTIAL
}
