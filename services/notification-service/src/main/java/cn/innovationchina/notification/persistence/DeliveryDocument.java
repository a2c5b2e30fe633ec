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

/** A delivery as stored: the aggregate behind {@code notification.events}; the platform adds its outbox. */
@Document(DeliveryDocument.COLLECTION)
record DeliveryDocument(@Id String id, String recipient, Channel channel, NotificationType type,
        String sourceEventId, DeliveryState state, int attempts, @Nullable String failure, Instant updatedAt,
        @Nullable Long version) {

    static final String COLLECTION = "deliveries";

    static DeliveryDocument of(Delivery delivery, Recipient recipient) {
        return new DeliveryDocument(delivery.id(), recipient.key(), delivery.channel(), delivery.type(),
                delivery.sourceEventId(), delivery.state(), delivery.attempts(), delivery.failure(),
                delivery.updatedAt(), null);
    }
}
