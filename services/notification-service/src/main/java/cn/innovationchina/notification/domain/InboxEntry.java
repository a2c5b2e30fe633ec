package cn.innovationchina.notification.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A notification as its recipient reads it in the platform, already in the recipient's language; {@code demandId}
 * is the demand it is about, so a reader can open it (none for news about a provider's own profile).
 */
public record InboxEntry(String id, NotificationType type, String title, String body, @Nullable String demandId,
        Instant createdAt, boolean read) {
}
