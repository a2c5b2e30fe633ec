package cn.innovationchina.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events waiting in aggregate documents' outboxes, oldest first per document, and removes each only
 * after the broker acknowledged it; a crash in between re-publishes it under the same event id (consumers
 * deduplicate), so nothing is ever lost.
 *
 * <p>This is the relay's loop, on its own thread: each round leases a batch of documents in one command per
 * collection ({@link OutboxLeases}), publishes them together and releases them in one command again
 * ({@link OutboxPublisher}), and between rounds the backlog is measured ({@link OutboxBacklog}). A local
 * write that leased its document itself hands the loop the events it wrote, published without a read (ADR 0086);
 * another local write hands it the document's id, claimed by {@code _id} at once; a scan of the collections, at most
 * once per {@code platform.outbox.poll-interval} and only when no local write waits (or 30 intervals have passed),
 * finds the rest: other instances' writes, ids lost in a restart. It asks for documents whose outbox has a first
 * entry, which a sparse index on {@code outbox.0} answers (ADR 0038).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** However busy with local writes, the relay scans at least once in this many poll intervals. */
    private static final int SCAN_OVERDUE_POLLS = 30;

    private final OutboxProperties properties;
    private final Clock clock;
    private final OutboxLeases leases;
    private final OutboxPublisher publisher;
    private final OutboxBacklog backlog;
    private final Semaphore wake = new Semaphore(0);
    private final WrittenHere writtenHere = new WrittenHere();
    private Instant scannedAt = Instant.EPOCH;
    /** The last scan filled a batch: more may be waiting, so the next round scans again at once. */
    private boolean scanFilledABatch;
    private volatile boolean running;
    private volatile Thread worker;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            Clock clock, MeterRegistry meters) {
        this(mongo, kafka, properties, clock, meters, OutboxTracing.none());
    }

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            Clock clock, MeterRegistry meters, OutboxTracing tracing) {
        this.properties = properties;
        this.clock = clock;
        this.leases = new OutboxLeases(mongo, properties, clock, UUID.randomUUID().toString());
        this.publisher = new OutboxPublisher(kafka, leases, properties, meters, tracing);
        this.backlog = new OutboxBacklog(mongo, properties, clock, meters);
    }

    /** Called after a local write so its events leave without waiting for the next poll. */
    void written(String collection, Object id) {
        writtenHere.add(collection, id);
        wakeUp();
    }

    /**
     * Called before a local write that is to lease its document itself (ADR 0086); answers when the write's lease
     * ends, or null when the relay is not running and the write should only name the document.
     */
    @Nullable Instant leasing(String collection, Object id) {
        if (!running) {
            return null;
        }
        writtenHere.leasing(collection, id);
        return leases.leaseEnd(clock.instant());
    }

    /** The lease a write stores, ending when {@link #leasing} said. */
    Document lease(Instant until) {
        return leases.lease(until);
    }

    /** The write that was to lease its document did not store the lease; names of the document may go now. */
    void notLeased(String collection, Object id) {
        writtenHere.notLeased(collection, id);
        wakeUp();
    }

    /** The write stored its events with this relay's lease: they are published as written, without a read. */
    void writtenLeased(String collection, Object id, List<Document> outbox, Instant until) {
        writtenHere.addLeased(new LeasedOutbox(collection, id, outbox, until));
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
        giveUpUnpublished();
        running = true;
        for (String collection : properties.collections()) {
            leases.indexPendingOutboxes(collection);
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
        giveUpUnpublished();
    }

    /**
     * Outboxes leased by writes and not yet published: when the relay stops, and when it starts again (a write that
     * was under way as it stopped), any relay's next scan should find them rather than wait for the lease to lapse.
     */
    private void giveUpUnpublished() {
        var unpublished = writtenHere.takeLeased();
        if (unpublished.isEmpty()) {
            return;
        }
        try {
            leases.giveUp(unpublished);
        } catch (RuntimeException e) {
            log.warn("Could not give up the leases of {} documents; they wait until their leases lapse",
                    unpublished.size(), e);
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

    /** Runs until stopped; a worker that outlived its stop (a slow broker) ends after its batch if restarted since. */
    private void loop() {
        while (running && worker == Thread.currentThread()) {
            backlog.measureWhenDue();
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
     * publishes them together.
     */
    int relayPending() {
        var round = writtenHere.next(properties.batchSize());
        int relayed;
        try {
            LeasedBatch batch = writtenHere.claim(leases, round, clock.instant());
            relayed = publisher.publish(batch);
            if (relayed < batch.size()) {
                return relayed;
            }
        } finally {
            writtenHere.done(round);
        }
        // The scan is for what no hint names; while local writes wait it only runs when long overdue, since it costs a
        // query per collection even when nothing else waits.
        Instant now = clock.instant();
        boolean due = scanFilledABatch || !now.isBefore(scannedAt.plus(properties.pollInterval()));
        boolean overdue = !now.isBefore(scannedAt.plus(properties.pollInterval().multipliedBy(SCAN_OVERDUE_POLLS)));
        if (!(due && writtenHere.isEmpty()) && !overdue) {
            return relayed;
        }
        scannedAt = now;
        scanFilledABatch = false;
        for (String collection : properties.collections()) {
            if (!running) {
                return relayed;
            }
            LeasedBatch scanned = new LeasedBatch();
            leases.claimPending(collection, properties.batchSize()).forEach(scanned::add);
            scanFilledABatch |= scanned.size() == properties.batchSize();
            int published = publisher.publish(scanned);
            relayed += published;
            if (published < scanned.size()) {
                return relayed;
            }
        }
        return relayed;
    }
}
