package cn.innovationchina.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The observation an event is handled in, continuing the trace whose context the outbox relay put in the record's
 * headers (W3C {@code traceparent}, ADR 0025): the events and requests the handler causes belong to the same trace.
 * Records come to the consumers a poll at a time (ADR 0069) and the Kafka binder observes a poll, not a record, so
 * the platform observes each record itself. An observation, not a bare span: Reactor's context propagation carries the
 * current observation into the handler's chain, and with it the span the outbox stores beside the events it writes.
 */
public class ConsumedTracing {

    static final String NAME = "platform.event.handled";

    private final ObservationRegistry observations;

    public ConsumedTracing(ObservationRegistry observations) {
        this.observations = observations;
    }

    public static ConsumedTracing none() {
        return new ConsumedTracing(ObservationRegistry.NOOP);
    }

    /** The observation of one record's handling, to run the handler in. */
    Observation handling(Map<String, Object> headers, String eventType) {
        var context = new ReceiverContext<Map<String, Object>>(ConsumedTracing::header, Kind.CONSUMER);
        context.setCarrier(headers);
        context.setRemoteServiceName("kafka");
        return Observation.createNotStarted(NAME, () -> context, observations)
                .contextualName("handle " + eventType)
                .lowCardinalityKeyValue("messaging.system", "kafka")
                .lowCardinalityKeyValue("messaging.event.type", eventType);
    }

    /** Header values arrive as the producer wrote them (bytes) or already read as text. */
    private static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
