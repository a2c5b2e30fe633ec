package cn.innovationchina.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Every record on the bus: identity, time and tracing around one payload. {@code eventId} is what consumers
 * deduplicate on; {@code aggregateVersion} lets read models ignore stale or replayed events.
 */
public record EventEnvelope<P extends DomainEvent>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        @Nullable String cityCode,
        String correlationId,
        @Nullable String causationId,
        String producer,
        P payload) {

    /** Type, schema version and aggregate type come from the catalog, so they cannot disagree with it. */
    public static <P extends DomainEvent> EventEnvelope<P> wrap(P payload, String aggregateId, long aggregateVersion,
            @Nullable String cityCode, Tracing tracing, String producer, Instant occurredAt) {
        var entry = EventCatalog.entryOf(payload.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), entry.type(), entry.schemaVersion(), occurredAt,
                entry.aggregateType(), aggregateId, aggregateVersion, cityCode, tracing.correlationId(),
                tracing.causationId(), producer, payload);
    }

    public String topic() {
        return EventCatalog.entryOf(type).topic();
    }

    /** Correlation id of the whole conversation and id of the event (if any) that caused this one. */
    public record Tracing(String correlationId, @Nullable String causationId) {
    }
}
