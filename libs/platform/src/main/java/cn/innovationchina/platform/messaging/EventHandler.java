package cn.innovationchina.platform.messaging;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import reactor.core.publisher.Mono;

/** What a service does with one event; {@link InboundEvents} makes it idempotent, retried and dead-lettered. */
@FunctionalInterface
public interface EventHandler<E extends DomainEvent> {

    Mono<Void> handle(EventEnvelope<E> event);
}
