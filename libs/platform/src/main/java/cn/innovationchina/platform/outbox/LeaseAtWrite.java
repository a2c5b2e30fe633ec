package cn.innovationchina.platform.outbox;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The lease a write of aggregate events takes on its document for this instance's relay, stored with the events, so
 * that the relay publishes them as written instead of leasing and reading the document again (ADR 0086). No lease is
 * taken for a write without events, nor while the relay is stopped: then the write only names the document.
 */
final class LeaseAtWrite {

    private final OutboxRelay relay;
    private final String collection;
    private final Object id;
    private final List<Document> outbox;
    private final @Nullable Instant until;
    private boolean settled;

    private LeaseAtWrite(OutboxRelay relay, String collection, Object id, List<Document> outbox,
            @Nullable Instant until) {
        this.relay = relay;
        this.collection = collection;
        this.id = id;
        this.outbox = outbox;
        this.until = until;
    }

    /** Before the write: the lease for the events {@code outbox} holds, if the write is to take one. */
    static LeaseAtWrite take(OutboxRelay relay, String collection, Object id, List<Document> outbox) {
        return new LeaseAtWrite(relay, collection, id, outbox,
                outbox.isEmpty() ? null : relay.leasing(collection, id));
    }

    boolean taken() {
        return until != null;
    }

    /** The lease to store; only when {@link #taken()}. */
    Document document() {
        if (until == null) {
            throw new IllegalStateException("No lease was taken for " + collection + " " + id);
        }
        return relay.lease(until);
    }

    /** The write stored its events, with the lease if one was taken: the relay publishes them. */
    synchronized void stored() {
        if (settled || outbox.isEmpty()) {
            return;
        }
        settled = true;
        if (until != null) {
            relay.writtenLeased(collection, id, outbox, until);
        } else {
            relay.written(collection, id);
        }
    }

    /** The write failed, was cancelled, or was stored without the lease: the lease was never this write's. */
    synchronized void notStored() {
        if (settled) {
            return;
        }
        settled = true;
        if (until != null) {
            relay.notLeased(collection, id);
        }
    }
}
