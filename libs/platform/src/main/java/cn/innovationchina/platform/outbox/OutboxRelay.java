package cn.innovationchina.platform.outbox;

import static cn.innovationchina.platform.outbox.AggregateStore.LEASE;
import static cn.innovationchina.platform.outbox.AggregateStore.OUTBOX;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;

import cn.innovationchina.platform.observability.Correlation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.tracing.Span;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in aggregate documents' outboxes, oldest first per document, and removes each
 * only after the broker acknowledged it. A crash between the acknowledgement and the removal re-publishes the
 * event under the same event id (consumers deduplicate); nothing is ever lost.
 *
 * <p>A relay instance leases a document before publishing its outbox, so several instances of a service can run
 * side by side without publishing one aggregate's events out of order. It runs on its own thread. A local write
 * hands it the written document's id, which it claims by {@code _id} at once (cheap even where the store cannot
 * index the outbox); a scan of the collections, at most once per {@code platform.outbox.poll-interval} and only
 * when no local write waits (or 30 intervals have passed), finds everything else: writes of other instances, and
 * ids this instance lost in a restart. The scan asks for documents whose outbox has a first entry, which a sparse
 * index on {@code outbox.0} answers without reading the documents that have none (ADR 0038).
 *
 * <p>It also measures the backlog every {@code platform.outbox.metrics-interval}: per collection, the events still
 * waiting ({@code platform.outbox.pending}) and how long the oldest of them has waited
 * ({@code platform.outbox.oldest.age}); both count every instance's writes, since they read the collections.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** However busy with local writes, the relay scans at least once in this many poll intervals. */
    private static final int SCAN_OVERDUE_POLLS = 30;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final Semaphore wake = new Semaphore(0);
    private final Queue<Written> written = new ConcurrentLinkedQueue<>();
    private final Counter published;
    private final OutboxTracing tracing;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();
    private volatile Instant measuredAt = Instant.EPOCH;
    private Instant scannedAt = Instant.EPOCH;
    /** The last scan filled a batch: more may be waiting, so the next round scans again at once. */
    private boolean scanFilledABatch;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            Clock clock, MeterRegistry meters) {
        this(mongo, kafka, properties, clock, meters, OutboxTracing.none());
    }

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            Clock clock, MeterRegistry meters, OutboxTracing tracing) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.tracing = tracing;
        this.published = Counter.builder("platform.outbox.published").description("events published by the relay")
                .register(meters);
        for (String collection : properties.collections()) {
            var backlog = new Backlog();
            backlogs.put(collection, backlog);
            Gauge.builder("platform.outbox.pending", backlog, b -> b.pending)
                    .description("events written to the collection's outboxes and not yet published")
                    .tag("collection", collection).register(meters);
            TimeGauge.builder("platform.outbox.oldest.age", backlog, TimeUnit.MILLISECONDS,
                            b -> b.ageMillis(clock.instant()))
                    .description("how long the oldest unpublished event of the collection has waited")
                    .tag("collection", collection).register(meters);
        }
    }

    private record Written(String collection, Object id) {
    }

    /** The last measurement of one collection's outboxes. */
    private static final class Backlog {
        private volatile long pending;
        private volatile Instant oldest;

        private double ageMillis(Instant now) {
            Instant since = oldest;
            return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis());
        }
    }

    /** Called after a local write so its events leave without waiting for the next poll. */
    void written(String collection, Object id) {
        written.add(new Written(collection, id));
        wakeUp();
    }

    /** Looks for pending events now rather than at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (String collection : properties.collections()) {
            indexPendingOutboxes(collection);
        }
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Finishes the batch in hand (publish and removal), then stops. */
    @Override
    public synchronized void stop() {
        running = false;
        wake.release();
        if (worker != null) {
            try {
                worker.join(properties.sendTimeout().toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (no more writes) and before the Kafka producer closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void loop() {
        while (running) {
            measureWhenDue();
            int relayed;
            try {
                relayed = relayPending();
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed; retrying after {}", properties.pollInterval(), e);
                relayed = 0;
            }
            if (relayed == 0) {
                try {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * The documents written here first, then, when the last scan is a poll interval old, one round over every relayed
     * collection; returns how many documents' outboxes were emptied. Each round claims up to a batch of documents and
     * sends all their events before it waits for the acknowledgements, so the broker's round trip is paid once per
     * batch rather than once per event.
     */
    int relayPending() {
        List<Claimed> batch = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        List<Written> later = new ArrayList<>();
        for (Written hint = written.poll(); hint != null && running; hint = written.poll()) {
            // A document written twice is claimed once per round: its second hint waits for the next round.
            if (!inBatch.add(hint.collection() + "/" + hint.id())) {
                later.add(hint);
                continue;
            }
            Document claimed = claim(hint.collection(), new Document("_id", hint.id()));
            if (claimed != null) {
                batch.add(new Claimed(hint.collection(), claimed));
            }
            if (batch.size() == properties.batchSize()) {
                break;
            }
        }
        written.addAll(later);
        int relayed = publish(batch);
        if (relayed < batch.size()) {
            return relayed;
        }
        // The scan is for what no hint names; while local writes wait it only runs when long overdue, since it costs a
        // query per collection even when nothing else waits.
        Instant now = clock.instant();
        boolean due = scanFilledABatch || !now.isBefore(scannedAt.plus(properties.pollInterval()));
        boolean overdue = !now.isBefore(scannedAt.plus(properties.pollInterval().multipliedBy(SCAN_OVERDUE_POLLS)));
        if (!(due && written.isEmpty()) && !overdue) {
            return relayed;
        }
        scannedAt = now;
        scanFilledABatch = false;
        for (String collection : properties.collections()) {
            List<Claimed> scanned = new ArrayList<>();
            while (scanned.size() < properties.batchSize() && running) {
                Document claimed = claim(collection, new Document());
                if (claimed == null) {
                    break;
                }
                scanned.add(new Claimed(collection, claimed));
            }
            scanFilledABatch |= scanned.size() == properties.batchSize();
            int published = publish(scanned);
            relayed += published;
            if (published < scanned.size()) {
                return relayed;
            }
        }
        return relayed;
    }

    private void measureWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(measuredAt.plus(properties.metricsInterval()))) {
            return;
        }
        measuredAt = now;
        try {
            backlogs.forEach(this::measure);
        } catch (RuntimeException e) {
            log.warn("Measuring the outbox backlog failed; the gauges keep the last figures", e);
        }
    }

    /** Only documents with pending events are in this index, so finding them reads none of the others. */
    private void indexPendingOutboxes(String collection) {
        mongo.getCollection(collection).flatMap(c -> Mono.from(c.createIndex(Indexes.ascending(OUTBOX + ".0"),
                new IndexOptions().sparse(true).name("outbox_pending")))).block(properties.sendTimeout());
    }

    /** Counts the pending events of every document with a non-empty outbox, and finds the oldest one's time. */
    private void measure(String collection, Backlog backlog) {
        var options = Projections.include(OUTBOX + ".occurredAt");
        var measured = mongo.getCollection(collection)
                .flatMapMany(c -> c.find(new Document(OUTBOX + ".0", new Document("$exists", true)))
                        .projection(options))
                .flatMapIterable(document -> document.getList(OUTBOX, Document.class))
                .reduce(new long[] {0, Long.MAX_VALUE}, (sum, entry) -> {
                    sum[0]++;
                    Date occurredAt = entry.getDate("occurredAt");
                    if (occurredAt != null) {
                        sum[1] = Math.min(sum[1], occurredAt.getTime());
                    }
                    return sum;
                })
                .block(properties.sendTimeout());
        backlog.pending = measured[0];
        backlog.oldest = measured[0] == 0 || measured[1] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(measured[1]);
    }

    /** Leases one document matching {@code which} that has pending events and no live lease, or returns null. */
    private Document claim(String collection, Document which) {
        Date now = Date.from(clock.instant());
        Document filter = new Document(which).append(OUTBOX + ".0", new Document("$exists", true))
                .append("$or", List.of(new Document(LEASE, new Document("$exists", false)),
                        new Document(LEASE + ".until", new Document("$lt", now))));
        Document lease = new Document("$set", new Document(LEASE, new Document("owner", instance)
                .append("until", Date.from(clock.instant().plus(properties.lease())))));
        var options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(OUTBOX));
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(filter, lease, options)))
                .block(properties.sendTimeout());
    }

    /**
     * Sends the events of every claimed document, then waits for their acknowledgements; each document keeps its
     * events from the first one not acknowledged, in order, and loses its lease. Answers how many documents were
     * published completely.
     */
    private int publish(List<Claimed> batch) {
        List<List<CompletableFuture<?>>> sends = new ArrayList<>();
        for (Claimed claimed : batch) {
            List<CompletableFuture<?>> documentSends = new ArrayList<>();
            for (Document entry : claimed.outbox()) {
                documentSends.add(send(entry));
            }
            sends.add(documentSends);
        }
        int complete = 0;
        for (int i = 0; i < batch.size(); i++) {
            Claimed claimed = batch.get(i);
            List<String> sent = new ArrayList<>();
            List<Document> outbox = claimed.outbox();
            for (int e = 0; e < outbox.size(); e++) {
                String eventId = outbox.get(e).getString("eventId");
                try {
                    sends.get(i).get(e).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(eventId);
                    published.increment();
                } catch (Exception failure) {
                    if (failure instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    log.warn("Publishing event {} of {} {} failed; it stays in the outbox", eventId,
                            claimed.collection(), claimed.document().get("_id"), failure);
                    break;
                }
            }
            release(claimed, sent);
            if (sent.size() == outbox.size()) {
                complete++;
            }
        }
        return complete;
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

    /** Removes the acknowledged events from the document's outbox and gives up the lease. */
    private void release(Claimed claimed, List<String> sent) {
        Document release = new Document("$unset", new Document(LEASE, ""));
        if (!sent.isEmpty()) {
            release.append("$pull", new Document(OUTBOX, new Document("eventId", new Document("$in", sent))));
        }
        mongo.getCollection(claimed.collection())
                .flatMap(c -> Mono.from(c.updateOne(new Document("_id", claimed.document().get("_id")), release)))
                .block(properties.sendTimeout());
    }

    /** A document this relay holds the lease of, with the outbox it had when claimed. */
    private record Claimed(String collection, Document document) {

        List<Document> outbox() {
            return document.getList(OUTBOX, Document.class);
        }
    }
}
