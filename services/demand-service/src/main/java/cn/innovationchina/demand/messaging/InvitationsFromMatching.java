package cn.innovationchina.demand.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.demand.application.Invitations;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.platform.messaging.InboundEvents;

/**
 * From matching, the demand service needs one fact: a provider was invited, so it may read a confidential demand.
 * The fact is keyed by demand and provider and only ever added, so no marker is kept (ADR 0067).
 */
@Configuration
class InvitationsFromMatching {

    @Bean
    Consumer<Message<byte[]>> matchEvents(InboundEvents inbound, Invitations invitations) {
        return inbound.idempotentHandlers(MatchEvent.class).on(ProviderInvited.class, invitations::record);
    }
}
