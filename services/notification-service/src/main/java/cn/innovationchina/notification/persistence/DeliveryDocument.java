package cn.innovationchina.notification.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.innovationchina.events.Channel;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;

/**
 * A delivery as stored: the aggregate behind {@code notification.events}; the platform adds its outbox. It keeps
 * the rendered message, so a held or interrupted delivery can be sent later without the event, and, while PENDING,
 * {@code leaseUntil}: the moment from which the re-sender may take it (the end of the quiet hours, or a while after
 * a send began, in case the instance sending it died).
 */
@Document(DeliveryDocument.COLLECTION)
record DeliveryDocument(@Id String id, String recipient, Channel channel, NotificationType type,
        String sourceEventId, @Nullable String endpointId, DeliveryState state, int attempts,
        @Nullable String failure, Instant updatedAt, @Nullable Instant heldUntil, String title, String body,
        @Nullable Instant leaseUntil, @Nullable Long version) {

    static final String COLLECTION = "deliveries";

    static DeliveryDocument of(Delivery delivery, Recipient recipient, Deliveries.Message message,
            @Nullable Instant leaseUntil) {
        return new DeliveryDocument(delivery.id(), recipient.key(), delivery.channel(), delivery.type(),
                delivery.sourceEventId(), delivery.endpointId(), delivery.state(), delivery.attempts(),
                delivery.failure(), delivery.updatedAt(), delivery.heldUntil(), message.title(), message.body(),
                leaseUntil, null);
    }
}
