package cn.innovationchina.notification.domain;

import java.util.Objects;

/**
 * Who a notification is for: an enterprise (all its users share one inbox), a provider profile, or the
 * administrators of a city. Only ids travel on the bus; contact data stays in this service.
 */
public record Recipient(Kind kind, String id) {

    public enum Kind {
        ENTERPRISE,
        PROVIDER,
        CITY
    }

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Recipient enterprise(String enterpriseId) {
        return new Recipient(Kind.ENTERPRISE, enterpriseId);
    }

    public static Recipient provider(String providerId) {
        return new Recipient(Kind.PROVIDER, providerId);
    }

    public static Recipient city(String cityCode) {
        return new Recipient(Kind.CITY, cityCode);
    }

    public static Recipient ofKey(String key) {
        int colon = key.indexOf(':');
        return new Recipient(Kind.valueOf(key.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
                key.substring(colon + 1));
    }

    /** One string per recipient, so an enterprise and a provider with equal ids never share an inbox. */
    public String key() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
