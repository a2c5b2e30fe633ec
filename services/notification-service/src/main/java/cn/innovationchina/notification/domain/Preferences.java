package cn.innovationchina.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a recipient wants to be told. Defaults: Chinese, every type on every channel, each email at once, no quiet
 * hours. The inbox (and its live stream) always receives everything at once, since it is the record a recipient
 * can come back to; email can be muted per notification type, and gathered in a daily or weekly digest; email and
 * webhooks wait for the end of the quiet hours.
 */
public record Preferences(Language language, Set<NotificationType> emailMuted, Digest digest,
        @Nullable QuietHours quietHours) {

    public static final Preferences DEFAULT = new Preferences(Language.DEFAULT, Set.of(), Digest.IMMEDIATE, null);

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

    /** When email and webhook deliveries due at {@code at} may go out; empty when at once. */
    public Optional<Instant> heldUntil(Instant at) {
        return quietHours == null ? Optional.empty() : quietHours.heldUntil(at);
    }
}
