package cn.innovationchina.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;

import cn.innovationchina.platform.observability.Correlation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;

/**
 * Publishes a batch of leased outboxes: it sends the events of every document before it waits for the broker's
 * acknowledgements, so the round trip is paid once per batch rather than once per event. Counts what the broker
 * acknowledged in {@code platform.outbox.published}.
 */
final class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxLeases leases;
    private final OutboxProperties properties;
    private final OutboxTracing tracing;
    private final Counter published;

    OutboxPublisher(KafkaTemplate<String, byte[]> kafka, OutboxLeases leases, OutboxProperties properties,
            MeterRegistry meters, OutboxTracing tracing) {
        this.kafka = kafka;
        this.leases = leases;
        this.properties = properties;
        this.tracing = tracing;
        this.published = Counter.builder("platform.outbox.published").description("events published by the relay")
                .register(meters);
    }

    /**
     * Sends the events of every leased document, then waits for their acknowledgements; each document keeps its
     * events from the first one not acknowledged, in order, and loses its lease. Answers how many documents were
     * published completely. The batch's leases are kept alive throughout ({@link OutboxLeases#keepAlive}) and
     * released together at the end.
     */
    int publish(LeasedBatch batch) {
        var broker = new Answers();
        List<List<CompletableFuture<?>>> sends = new ArrayList<>();
        for (LeasedOutbox leased : batch.documents()) {
            List<CompletableFuture<?>> documentSends = new ArrayList<>();
            for (Document entry : leased.outbox()) {
                leases.keepAlive(batch);
                documentSends.add(send(entry).whenComplete((result, failure) -> broker.answered()));
            }
            sends.add(documentSends);
        }
        broker.answered();
        int complete = 0;
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            LeasedOutbox leased = batch.documents().get(i);
            List<Document> outbox = leased.outbox();
            int sentHere = 0;
            for (int e = 0; e < outbox.size(); e++) {
                String eventId = outbox.get(e).getString("eventId");
                try {
                    awaitAcknowledgement(sends.get(i).get(e), batch, broker);
                    sent.add(eventId);
                    sentHere++;
                    published.increment();
                } catch (Exception failure) {
                    if (failure instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    log.warn("Publishing event {} of {} {} failed; it stays in the outbox", eventId,
                            leased.collection(), leased.id(), failure);
                    break;
                }
            }
            if (sentHere == outbox.size()) {
                complete++;
            }
        }
        int held = leases.release(batch.documents(), sent);
        if (held < batch.size()) {
            log.warn("{} of {} leases passed to another relay while this one waited for the broker; that one publishes"
                    + " their events again", batch.size() - held, batch.size());
        }
        return complete;
    }

    /**
     * Waits for one event's acknowledgement as long as the broker keeps answering the batch: it gives up when the
     * broker has answered none of the batch's sends for {@code platform.outbox.send-timeout}, however the answers
     * are ordered. A silent broker so costs a batch one send timeout, not one per event.
     */
    private void awaitAcknowledgement(CompletableFuture<?> send, LeasedBatch batch, Answers broker)
            throws InterruptedException, ExecutionException, TimeoutException {
        long timeout = properties.sendTimeout().toNanos();
        while (true) {
            leases.keepAlive(batch);
            long silent = broker.silentForNanos();
            if (silent >= timeout) {
                throw new TimeoutException("the broker answered nothing for " + properties.sendTimeout());
            }
            try {
                send.get(timeout - silent, TimeUnit.NANOSECONDS);
                return;
            } catch (TimeoutException stillWaiting) {
                // another send of the batch may have been answered meanwhile: the broker is slow, not gone
            }
        }
    }

    /** When the broker last answered one of the batch's sends (or the sends ended). */
    private static final class Answers {
        private volatile long lastNanos = System.nanoTime();

        void answered() {
            lastNanos = System.nanoTime();
        }

        long silentForNanos() {
            return System.nanoTime() - lastNanos;
        }
    }

    /** Sends one outbox entry in a producer span that continues the stored trace; the span ends with the answer. */
    private CompletableFuture<?> send(Document entry) {
        var record = new ProducerRecord<String, byte[]>(entry.getString("topic"), entry.getString("key"),
                entry.getString("envelope").getBytes(StandardCharsets.UTF_8));
        String correlationId = entry.getString("correlationId");
        record.headers().add(Correlation.HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", entry.getString("type").getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", entry.getString("eventId").getBytes(StandardCharsets.UTF_8));
        MDC.put(Correlation.MDC_KEY, correlationId);
        Span span = tracing.publishing(entry, record);
        try (var scope = tracing.inScope(span)) {
            return kafka.send(record).whenComplete((result, failure) -> {
                if (failure != null) {
                    span.error(failure);
                }
                span.end();
            });
        } catch (RuntimeException e) {
            span.error(e);
            span.end();
            return CompletableFuture.failedFuture(e);
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
    }
}
