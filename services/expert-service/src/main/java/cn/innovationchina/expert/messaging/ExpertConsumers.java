package cn.innovationchina.expert.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.expert.application.ContactRelease;
import cn.innovationchina.platform.messaging.InboundEvents;

/**
 * Matching's events: an accepted invitation releases the provider's contact data to the enterprise. The release is
 * keyed by provider and enterprise and only ever added to, so no marker is kept (ADR 0067).
 */
@Configuration
class ExpertConsumers {

    @Bean
    Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, ContactRelease release) {
        return inbound.idempotentHandlers(MatchEvent.class).on(InvitationAccepted.class, release::accepted);
    }
}
