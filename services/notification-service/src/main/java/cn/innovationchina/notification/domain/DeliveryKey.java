package cn.innovationchina.notification.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.innovationchina.events.Channel;

/**
 * The identity of one delivery: the same source event, recipient and channel always give the same id, so a
 * redelivered event finds its delivery already stored under the unique {@code _id} instead of making a second one.
 * A recipient may have several webhook endpoints; each is a delivery of its own.
 */
public final class DeliveryKey {

    private DeliveryKey() {
    }

    public static String of(UUID sourceEventId, Recipient recipient, Channel channel) {
        return name(sourceEventId + "|" + recipient.key() + "|" + channel.name());
    }

    public static String of(UUID sourceEventId, Recipient recipient, Channel channel, String endpointId) {
        return name(sourceEventId + "|" + recipient.key() + "|" + channel.name() + "|" + endpointId);
    }

    private static String name(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
