package cn.innovationchina.notification.domain;

import java.util.Objects;
import java.util.Set;

/**
 * How a recipient wants to be told. Defaults: Chinese, every type on every channel, each email at once. The inbox
 * (and its live stream) always receives everything, since it is the record a recipient can come back to; email can
 * be muted per notification type, and gathered in a daily or weekly digest.
 */
public record Preferences(Language language, Set<NotificationType> emailMuted, Digest digest) {

    public static final Preferences DEFAULT = new Preferences(Language.DEFAULT, Set.of(), Digest.IMMEDIATE);

    public Preferences {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(digest, "digest");
        emailMuted = Set.copyOf(emailMuted);
    }

    public boolean wantsEmailNow(NotificationType type) {
        return digest == Digest.IMMEDIATE && wantsEmail(type);
    }

    public boolean wantsEmail(NotificationType type) {
        return !emailMuted.contains(type);
    }
}
