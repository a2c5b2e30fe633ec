package cn.innovationchina.notification.domain;

import java.util.Objects;
import java.util.Set;

/**
 * How a recipient wants to be told. Defaults: Chinese, and every type on every channel. The inbox (and its live
 * stream) always receives everything, since it is the record a recipient can come back to; email can be muted per
 * notification type.
 */
public record Preferences(Language language, Set<NotificationType> emailMuted) {

    public static final Preferences DEFAULT = new Preferences(Language.DEFAULT, Set.of());

    public Preferences {
        Objects.requireNonNull(language, "language");
        emailMuted = Set.copyOf(emailMuted);
    }

    public boolean wantsEmail(NotificationType type) {
        return !emailMuted.contains(type);
    }
}
