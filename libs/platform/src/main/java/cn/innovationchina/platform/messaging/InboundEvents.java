package cn.innovationchina.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.MalformedEventException;
import cn.innovationchina.platform.observability.Correlation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an {@link EventHandler} into a Spring Cloud Stream consumer of the records one poll returned, with the
 * platform's guarantees (ADR 0003, ADR 0069):
 * <ul>
 * <li>an event id already handled by this consumer group has no second effect (a marker per event id, under the
 * collection's unique {@code _id}): the poll's markers are read with one query and those of the events it handled
 * written with one insert after them;</li>
 * <li>the events of a poll are handled one after the other, in their order; a failing handler stops the poll there,
 * the events before it count as handled, and that event is retried with back-off, then goes to
 * {@code <topic>.<group>.dlq} and the next one flows ({@link DeadLetters}); malformed records go there without
 * retries;</li>
 * <li>an event type this build does not know yet is skipped, so producers can add types first;</li>
 * <li>each handler runs in a span continuing the trace of its record and with the event's correlation id in the log
 * MDC and in the Reactor context, so the events it causes carry both on.</li>
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
    private final ConsumedTracing tracing;

    public InboundEvents(ReactiveMongoTemplate mongo, String consumerGroup, Duration handlerTimeout, Clock clock,
            ConsumedTracing tracing) {
        this.mongo = mongo;
        this.consumerGroup = consumerGroup;
        this.handlerTimeout = handlerTimeout;
        this.clock = clock;
        this.tracing = tracing;
    }

    public <E extends DomainEvent> Consumer<Message<List<byte[]>>> handle(Class<E> type, EventHandler<E> handler) {
        return handle(type::isInstance, handler, true);
    }

    /**
     * For {@link EventHandlers}: an event {@code handles} refuses has no effect here, so it is neither looked up nor
     * remembered (no work in the store for an event nobody here handles).
     */
    <E extends DomainEvent> Consumer<Message<List<byte[]>>> handle(Predicate<DomainEvent> handles,
            EventHandler<E> handler, boolean marked) {
        return message -> accept(message, handles, handler, marked);
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
     * must build from every event (matching's index). Saves the store the markers' reads and writes; a handler with
     * any other effect (a message sent without such a claim, a count incremented) uses {@link #handlers}.
     */
    public <E extends DomainEvent> EventHandlers<E> idempotentHandlers(Class<E> type) {
        return new EventHandlers<>(this, type, false);
    }

    /** One record of the poll, as read: its position, its event (if this build knows it) and its headers. */
    private record Delivery(int index, EventEnvelope<DomainEvent> envelope, Map<String, Object> headers) {

        String marker(String group) {
            return group + ":" + envelope.eventId();
        }
    }

    @SuppressWarnings("unchecked")
    private <E extends DomainEvent> void accept(Message<List<byte[]>> message, Predicate<DomainEvent> handles,
            EventHandler<E> handler, boolean marked) {
        List<byte[]> records = message.getPayload();
        List<Map<String, Object>> headers = message.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS,
                List.class);
        List<Delivery> deliveries = new ArrayList<>(records.size());
        MalformedEventException malformed = null;
        int malformedAt = -1;
        for (int index = 0; index < records.size() && malformed == null; index++) {
            try {
                var known = EventJson.readKnown(records.get(index));
                if (known.isEmpty()) {
                    log.info("Skipping event of type {} unknown to this build", EventJson.typeOf(records.get(index)));
                } else if (handles.test(known.get().payload())) {
                    deliveries.add(new Delivery(index, known.get(),
                            headers == null || headers.size() <= index ? Map.of() : headers.get(index)));
                }
            } catch (MalformedEventException e) {
                // The records before it are handled first; then it alone goes to the dead letters.
                malformed = e;
                malformedAt = index;
            }
        }
        // Handled before this poll, or earlier in it: an event twice in one poll has one effect too.
        Set<String> handled = marked ? alreadyHandled(deliveries) : new HashSet<>();
        List<Document> markers = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (!handled.add(delivery.marker(consumerGroup))) {
                log.debug("Event {} {} already handled by {}", delivery.envelope().type(),
                        delivery.envelope().eventId(), consumerGroup);
                continue;
            }
            try {
                handleOne(delivery, (EventHandler<DomainEvent>) (EventHandler<?>) handler);
            } catch (BatchListenerFailedException e) {
                // The events before it stay handled: the container commits them and retries from this one.
                remember(markers);
                throw e;
            }
            if (marked) {
                markers.add(marker(delivery));
            }
        }
        remember(markers);
        if (malformed != null) {
            throw new BatchListenerFailedException("Malformed record", malformed, malformedAt);
        }
    }

    private void handleOne(Delivery delivery, EventHandler<DomainEvent> handler) {
        var envelope = delivery.envelope();
        MDC.put(Correlation.MDC_KEY, envelope.correlationId());
        try {
            tracing.handling(delivery.headers(), envelope.type()).observe(() -> handler.handle(envelope)
                    .contextWrite(Correlation.with(new EventEnvelope.Tracing(envelope.correlationId(),
                            envelope.eventId().toString())))
                    .block(handlerTimeout));
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Handling " + envelope.type() + " " + envelope.eventId()
                    + " failed", e, delivery.index());
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
    }

    /** The markers of the poll's events this group has already handled, read with one query on {@code _id}. */
    private Set<String> alreadyHandled(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return new HashSet<>();
        }
        List<String> ids = deliveries.stream().map(delivery -> delivery.marker(consumerGroup)).toList();
        return mongo.getCollection(PROCESSED_EVENTS)
                .flatMapMany(c -> Flux.from(c.find(Filters.in("_id", ids)).projection(Projections.include("_id"))))
                .map(found -> found.getString("_id"))
                .collect(HashSet<String>::new, Set::add)
                .block(handlerTimeout);
    }

    private Document marker(Delivery delivery) {
        return new Document("_id", delivery.marker(consumerGroup)).append("group", consumerGroup)
                .append("type", delivery.envelope().type()).append("processedAt", Date.from(clock.instant()));
    }

    /** One insert for the poll's markers; one already there (a redelivery raced this one) is no error. */
    private void remember(List<Document> markers) {
        if (markers.isEmpty()) {
            return;
        }
        mongo.getCollection(PROCESSED_EVENTS)
                .flatMap(c -> Mono.from(c.insertMany(markers, new InsertManyOptions().ordered(false))))
                .onErrorResume(MongoBulkWriteException.class, e -> e.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)
                        ? Mono.empty() : Mono.error(e))
                .block(handlerTimeout);
    }
}
