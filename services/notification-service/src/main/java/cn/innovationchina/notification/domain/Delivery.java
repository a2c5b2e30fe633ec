package cn.innovationchina.notification.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Channel;

/** One notification on one channel other than the inbox, as its recipient may check it. */
public record Delivery(String id, Channel channel, NotificationType type, String sourceEventId,
        DeliveryState state, int attempts, @Nullable String failure, Instant updatedAt) {
}
