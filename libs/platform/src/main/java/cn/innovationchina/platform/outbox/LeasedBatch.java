package cn.innovationchina.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The documents one round of the relay leased to publish together, and until when all their leases hold. */
final class LeasedBatch {

    private final List<LeasedOutbox> documents = new ArrayList<>();
    private Instant heldUntil = Instant.MAX;

    void add(LeasedOutbox leased) {
        documents.add(leased);
        if (leased.until().isBefore(heldUntil)) {
            heldUntil = leased.until();
        }
    }

    List<LeasedOutbox> documents() {
        return documents;
    }

    int size() {
        return documents.size();
    }

    /** The earliest end of the batch's leases. */
    Instant heldUntil() {
        return heldUntil;
    }

    void renewedUntil(Instant until) {
        heldUntil = until;
    }
}
