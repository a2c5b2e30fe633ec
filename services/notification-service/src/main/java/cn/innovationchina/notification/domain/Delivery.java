package cn.innovationchina.notification.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Channel;

/**
 * One notification on one channel other than the inbox, as its recipient may check it; a webhook delivery names
 * its endpoint. A PENDING delivery may be held until {@code heldUntil} by the recipient's quiet hours.
 */
public record Delivery(String id, Channel channel, NotificationType type, String sourceEventId,
        @Nullable String endpointId, DeliveryState state, int attempts, @Nullable String failure, Instant updatedAt,
        @Nullable Instant heldUntil) {

    public Delivery completed(DeliveryState outcome, int attempts, @Nullable String failure, Instant at) {
        return new Delivery(id, channel, type, sourceEventId, endpointId, outcome, attempts, failure, at, null);
    }
}
