package cn.innovationchina.events;

public record NotificationFailed(
        String notificationId,
        String recipientId,
        Channel channel,
        String notificationType,
        String sourceEventId,
        int attempts,
        String reason) implements NotificationEvent {
}
