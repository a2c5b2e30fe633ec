package cn.innovationchina.events;

/** Delivery outcomes of notifications, on {@link Topics#NOTIFICATION_EVENTS}, keyed by notification id. */
public sealed interface NotificationEvent extends DomainEvent permits NotificationDelivered, NotificationFailed {

    String notificationId();
}
