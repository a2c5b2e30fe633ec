package cn.innovationchina.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import cn.innovationchina.platform.observability.ContextLogging;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import reactor.util.context.ContextView;

/**
 * Carries the trace of the work that wrote an event across the outbox, whose relay publishes later on its own
 * thread: the trace context (W3C {@code traceparent}) is stored in the outbox entry beside the event, and the relay
 * publishes the event in a producer span that continues that trace and puts it in the record's headers, where the
 * consumers' Kafka observation picks it up. Without tracing on the classpath or enabled, both are no-ops.
 */
public class OutboxTracing {

    static final String FIELD = "trace";

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static OutboxTracing none() {
        return new OutboxTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /** The propagation headers of the span current in this Reactor context (an HTTP request, a consumed event). */
    Document capture(ContextView context) {
        Document headers = new Document();
        ContextLogging.within(context, () -> {
            Span current = tracer.currentSpan();
            if (current != null) {
                propagator.inject(current.context(), headers, Document::put);
            }
        });
        return headers;
    }

    /** Starts the span that publishes one outbox entry, child of the stored trace, and puts it in the headers. */
    Span publishing(Document entry, ProducerRecord<String, byte[]> record) {
        Map<String, String> stored = new LinkedHashMap<>();
        Document trace = entry.get(FIELD, Document.class);
        if (trace != null) {
            trace.forEach((name, value) -> stored.put(name, String.valueOf(value)));
        }
        Span span = propagator.extract(stored, (carrier, name) -> carrier.get(name))
                .name(record.topic() + " publish")
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.event.type", entry.getString("type"))
                .start();
        propagator.inject(span.context(), record, OutboxTracing::header);
        return span;
    }

    Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    private static void header(@Nullable ProducerRecord<String, byte[]> record, String name, String value) {
        if (record != null) {
            record.headers().remove(name);
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
