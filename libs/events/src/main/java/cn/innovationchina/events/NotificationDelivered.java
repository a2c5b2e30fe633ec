package cn.innovationchina.events;

public record NotificationDelivered(
        String notificationId,
        String recipientId,
        Channel channel,
        String notificationType,
        String sourceEventId,
        int attempts) implements NotificationEvent {
}
