package cn.innovationchina.notification.domain;

import java.time.Instant;

/** A notification as its recipient reads it in the platform, already in the recipient's language. */
public record InboxEntry(String id, NotificationType type, String title, String body, Instant createdAt,
        boolean read) {
}
