package cn.innovationchina.notification.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.DemandClosed;
import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.DockingStarted;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.notification.application.DemandReminders;
import cn.innovationchina.notification.application.NameBook;
import cn.innovationchina.notification.application.Notifications;
import cn.innovationchina.platform.messaging.InboundEvents;

/**
 * Demands, matches and provider verification are what people hear about; each event becomes notices, which name
 * the demand and the provider as this service learnt from earlier events, the event itself included (so its
 * handlers learn names before the notices are written). Demand and match events also keep the read model the
 * demand reminders look at. No marker is kept (ADR 0067): every delivery is claimed under a key made of the event id,
 * the recipient and the channel before it is stored or sent, and names and the reminders' read model are replaced,
 * so an event handled again completes what is missing and repeats nothing.
 */
@Configuration
class NotificationConsumers {

    @Bean
    Consumer<Message<byte[]>> demandEvents(InboundEvents inbound, Notifications notifications,
            DemandReminders reminders, NameBook names) {
        return inbound.idempotentHandlers(DemandEvent.class)
                .on(DemandPublished.class, reminders::published)
                .on(DemandRevised.class, reminders::revised)
                .on(DemandWithdrawn.class, reminders::ended)
                .on(DemandClosed.class, reminders::ended)
                .on(DemandExpired.class, reminders::ended)
                .on(DemandSubmitted.class, names::submitted)
                .on(DemandPublished.class, names::published)
                .on(DemandRevised.class, names::revised)
                .on(DemandEvent.class, notifications::aboutDemand);
    }

    @Bean
    Consumer<Message<byte[]>> providerEvents(InboundEvents inbound, Notifications notifications, NameBook names) {
        return inbound.idempotentHandlers(ProviderEvent.class)
                .on(ProviderRegistered.class, names::registered)
                .on(ProviderProfileUpdated.class, names::profileUpdated)
                .on(ProviderEvent.class, notifications::aboutProvider);
    }

    @Bean
    Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, Notifications notifications,
            DemandReminders reminders, NameBook names) {
        return inbound.idempotentHandlers(MatchEvent.class)
                .on(DockingStarted.class, reminders::progressed)
                .on(ContractSigned.class, reminders::progressed)
                .on(MatchesProposed.class, names::proposed)
                .on(MatchEvent.class, notifications::aboutMatch);
    }
}
