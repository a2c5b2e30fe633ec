package cn.innovationchina.notification.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.notification.application.DemandReminders;
import cn.innovationchina.notification.application.NameBook;
import cn.innovationchina.notification.application.Notifications;
import cn.innovationchina.notification.domain.Notices;
import cn.innovationchina.platform.messaging.InboundEvents;

/**
 * Demands, matches and provider verification are what people hear about; each event becomes notices, which name
 * the demand and the provider as this service learnt from earlier events. Demand and match events also keep the
 * read model the demand reminders look at.
 */
@Configuration
class NotificationConsumers {

    @Bean
    Consumer<Message<byte[]>> demandEvents(InboundEvents inbound, Notifications notifications,
            DemandReminders reminders, NameBook names) {
        return inbound.handle(DemandEvent.class, event -> reminders.follow(event)
                .then(names.learn(event))
                .then(names.about(event.payload()))
                .flatMap(known -> notifications.deliver(event.eventId(), Notices.of(event.payload(), known))));
    }

    @Bean
    Consumer<Message<byte[]>> providerEvents(InboundEvents inbound, Notifications notifications, NameBook names) {
        return inbound.handle(ProviderEvent.class, event -> names.learn(event)
                .then(notifications.deliver(event.eventId(), Notices.of(event.payload()))));
    }

    @Bean
    Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, Notifications notifications,
            DemandReminders reminders, NameBook names) {
        return inbound.handle(MatchEvent.class, event -> reminders.followMatch(event)
                .then(names.learn(event))
                .then(names.about(event.payload()))
                .flatMap(known -> notifications.deliver(event.eventId(), Notices.of(event.payload(), known))));
    }
}
