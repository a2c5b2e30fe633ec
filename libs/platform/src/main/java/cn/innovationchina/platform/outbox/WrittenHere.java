package cn.innovationchina.platform.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import org.bson.Document;

/** The documents this instance wrote, named to the relay so their outboxes leave without waiting for a scan. */
final class WrittenHere {

    private record Written(String collection, Object id) {
    }

    private final Queue<Written> written = new ConcurrentLinkedQueue<>();

    void add(String collection, Object id) {
        written.add(new Written(collection, id));
    }

    boolean isEmpty() {
        return written.isEmpty();
    }

    /** Claims up to {@code batchSize} of them by {@code _id}, while {@code running}; those claimed leave the queue. */
    LeasedBatch claim(OutboxLeases leases, int batchSize, BooleanSupplier running) {
        LeasedBatch batch = new LeasedBatch();
        Set<Written> inBatch = new HashSet<>();
        List<Written> later = new ArrayList<>();
        for (Written hint = written.poll(); hint != null && running.getAsBoolean(); hint = written.poll()) {
            // A document written twice is claimed once per round: its second hint waits for the next round.
            if (!inBatch.add(hint)) {
                later.add(hint);
                continue;
            }
            LeasedOutbox claimed = leases.claim(hint.collection(), new Document("_id", hint.id()));
            if (claimed != null) {
                batch.add(claimed);
            }
            if (batch.size() == batchSize) {
                break;
            }
        }
        written.addAll(later);
        return batch;
    }
}
