package cn.innovationchina.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.messaging.Message;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The consumer of one topic's events, by type: {@code inbound.handlers(MatchEvent.class)
 * .on(ProviderInvited.class, invitations::record)}. An event goes to every handler registered for its type (or a
 * supertype of it), in the order they were registered, each after the previous one finished; an event no handler
 * is registered for is acknowledged and has no effect, not even a deduplication marker, and is read no further than
 * its type (ADR 0070). Idempotency, retries and dead letters are {@link InboundEvents}'s, as for
 * {@link InboundEvents#handle}.
 */
public final class EventHandlers<E extends DomainEvent> implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final Class<E> topicType;
    private final boolean marked;
    private final List<Registration<?>> registrations;
    private final Consumer<Message<byte[]>> consumer;

    EventHandlers(InboundEvents inbound, Class<E> topicType, boolean marked) {
        this(inbound, topicType, marked, List.of());
    }

    private EventHandlers(InboundEvents inbound, Class<E> topicType, boolean marked,
            List<Registration<?>> registrations) {
        this.inbound = inbound;
        this.topicType = topicType;
        this.marked = marked;
        this.registrations = registrations;
        this.consumer = inbound.handle(this::handles, this::handle, marked);
    }

    /** These handlers, and {@code handler} for events of {@code type}. */
    public <S extends E> EventHandlers<E> on(Class<S> type, EventHandler<S> handler) {
        List<Registration<?>> more = new ArrayList<>(registrations);
        more.add(new Registration<>(type, handler));
        return new EventHandlers<>(inbound, topicType, marked, List.copyOf(more));
    }

    @Override
    public void accept(Message<byte[]> message) {
        consumer.accept(message);
    }

    private boolean handles(Class<? extends DomainEvent> eventType) {
        return topicType.isAssignableFrom(eventType)
                && registrations.stream().anyMatch(registration -> registration.type().isAssignableFrom(eventType));
    }

    Mono<Void> handle(EventEnvelope<? extends E> event) {
        return Flux.fromIterable(registrations).filter(registration -> registration.handles(event))
                .concatMap(registration -> registration.handle(event)).then();
    }

    private record Registration<S extends DomainEvent>(Class<S> type, EventHandler<S> handler) {

        boolean handles(EventEnvelope<?> event) {
            return type.isInstance(event.payload());
        }

        @SuppressWarnings("unchecked")
        Mono<Void> handle(EventEnvelope<?> event) {
            return handler.handle((EventEnvelope<S>) event);
        }
    }
}
