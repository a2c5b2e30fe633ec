package cn.innovationchina.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventCatalog;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.platform.observability.Correlation;
import cn.innovationchina.platform.persistence.DocumentIds;
import reactor.core.publisher.Mono;

/**
 * Turns an {@link EventHandler} into a Spring Cloud Stream consumer with the platform's guarantees:
 * <ul>
 * <li>an event id already handled by this consumer group has no second effect (a marker per event id, under the
 * collection's unique {@code _id}, written after the handler succeeded);</li>
 * <li>a failing handler is retried with back-off by the binder, then the record goes to
 * {@code <topic>.<group>.dlq} and the next one flows; malformed records go there without retries;</li>
 * <li>an event type this build does not know yet is skipped, so producers can add types first;</li>
 * <li>the handler runs with the event's correlation id in the log MDC and in the Reactor context, so the events it
 * causes carry it on.</li>
 * </ul>
 * A handler's effect and its marker are two writes: a crash between them repeats the handler on redelivery, so
 * handlers make their own effect idempotent too (version-guarded, or keyed by event id), as the ADR explains.
 */
public class InboundEvents {

    public static final String PROCESSED_EVENTS = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final ReactiveMongoTemplate mongo;
    private final String consumerGroup;
    private final Duration handlerTimeout;
    private final Clock clock;

    public InboundEvents(ReactiveMongoTemplate mongo, String consumerGroup, Duration handlerTimeout, Clock clock) {
        this.mongo = mongo;
        this.consumerGroup = consumerGroup;
        this.handlerTimeout = handlerTimeout;
        this.clock = clock;
    }

    public <E extends DomainEvent> Consumer<Message<byte[]>> handle(Class<E> type, EventHandler<E> handler) {
        return handle(type::isAssignableFrom, handler, true);
    }

    /**
     * For {@link EventHandlers}: an event whose type {@code handles} refuses has no effect here, so it is neither
     * parsed past its type nor looked up nor remembered (most consumers take a few of their topic's types: demand-
     * and expert-service one of the match events, matching's track records six, none of them the match lists).
     */
    <E extends DomainEvent> Consumer<Message<byte[]>> handle(Predicate<Class<? extends DomainEvent>> handles,
            EventHandler<E> handler, boolean marked) {
        return message -> accept(message.getPayload(), handles, handler, marked);
    }

    /** A consumer handing each event to the handlers registered for its type: see {@link EventHandlers}. */
    public <E extends DomainEvent> EventHandlers<E> handlers(Class<E> type) {
        return new EventHandlers<>(this, type, true);
    }

    /**
     * As {@link #handlers}, but no marker is read or written: for handlers whose every effect is already once per
     * event by itself, a document keyed by the event id or guarded by the aggregate version (monitoring's facts,
     * notification's deliveries, each claimed under a key made of the event id before anything is sent), or state an
     * instance keeps in its own memory, fed by a consumer group of its own, which every instance and every restart
     * must build from every event (matching's index). Saves two round trips to the store per event; a handler with
     * any other effect (a message sent without such a claim, a count incremented) uses {@link #handlers}.
     */
    public <E extends DomainEvent> EventHandlers<E> idempotentHandlers(Class<E> type) {
        return new EventHandlers<>(this, type, false);
    }

    @SuppressWarnings("unchecked")
    private <E extends DomainEvent> void accept(byte[] record, Predicate<Class<? extends DomainEvent>> handles,
            EventHandler<E> handler, boolean marked) {
        String type = EventJson.typeOf(record);
        var entry = EventCatalog.find(type);
        if (entry.isPresent() && !handles.test(entry.get().payloadType())) {
            return;
        }
        // A record without a readable type is parsed whole, so that a malformed one goes to the dead letters.
        var known = EventJson.readKnown(record, type);
        if (known.isEmpty()) {
            log.info("Skipping event of type {} unknown to this build", type);
            return;
        }
        EventEnvelope<DomainEvent> envelope = known.get();
        String marker = consumerGroup + ":" + envelope.eventId();
        MDC.put(Correlation.MDC_KEY, envelope.correlationId());
        try {
            if (marked && alreadyHandled(marker)) {
                log.debug("Event {} {} already handled by {}", envelope.type(), envelope.eventId(), consumerGroup);
                return;
            }
            // The consumer's observation is current on this thread only; captured, the handler's writes keep its trace.
            handler.handle((EventEnvelope<E>) (EventEnvelope<?>) envelope)
                    .contextWrite(Correlation.with(new EventEnvelope.Tracing(envelope.correlationId(),
                            envelope.eventId().toString())))
                    .contextCapture()
                    .block(handlerTimeout);
            if (marked) {
                remember(marker, envelope);
            }
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
    }

    private boolean alreadyHandled(String marker) {
        return Boolean.TRUE.equals(DocumentIds.exists(mongo, PROCESSED_EVENTS, marker).block(handlerTimeout));
    }

    private void remember(String marker, EventEnvelope<?> envelope) {
        var document = new Document("_id", marker).append("group", consumerGroup)
                .append("type", envelope.type()).append("processedAt", Date.from(clock.instant()));
        mongo.getCollection(PROCESSED_EVENTS)
                .flatMap(c -> Mono.from(c.insertOne(document)))
                .onErrorResume(MongoWriteException.class,
                        e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? Mono.empty() : Mono.error(e))
                .block(handlerTimeout);
    }
}
