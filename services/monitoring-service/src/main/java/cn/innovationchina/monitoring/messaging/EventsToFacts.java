package cn.innovationchina.monitoring.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.NotificationEvent;
import cn.innovationchina.events.PilotCityEvent;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.monitoring.application.EventRecorder;
import cn.innovationchina.platform.messaging.InboundEvents;

/**
 * Monitoring listens to every topic and keeps each event as a fact of its pilot city. A fact is keyed by its event id
 * and a pilot city's state by its version, so a redelivered event changes nothing by itself: no markers.
 */
@Configuration
class EventsToFacts {

    /** demand.events carries the demands and the pilot-city list: one consumer reads both, in order per key. */
    @Bean
    Consumer<Message<byte[]>> demandEvents(InboundEvents inbound, EventRecorder recorder) {
        return inbound.idempotentHandlers(DomainEvent.class)
                .on(PilotCityEvent.class, recorder::pilotCity)
                .on(DemandEvent.class, recorder::fact);
    }

    @Bean
    Consumer<Message<byte[]>> providerEvents(InboundEvents inbound, EventRecorder recorder) {
        return inbound.idempotentHandlers(ProviderEvent.class).on(ProviderEvent.class, recorder::fact);
    }

    @Bean
    Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, EventRecorder recorder) {
        return inbound.idempotentHandlers(MatchEvent.class).on(MatchEvent.class, recorder::fact);
    }

    @Bean
    Consumer<Message<byte[]>> notificationEvents(InboundEvents inbound, EventRecorder recorder) {
        return inbound.idempotentHandlers(NotificationEvent.class).on(NotificationEvent.class, recorder::fact);
    }
}
