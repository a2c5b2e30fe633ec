package cn.innovationchina.platform.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

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

    /**
     * Claims the documents of up to {@code batchSize} hints by {@code _id}, one command per collection; the hints
     * leave the queue, claimed or not (a document without pending events has nothing to publish).
     */
    LeasedBatch claim(OutboxLeases leases, int batchSize) {
        Map<String, List<Object>> ids = new LinkedHashMap<>();
        Set<Written> inBatch = new HashSet<>();
        List<Written> later = new ArrayList<>();
        for (Written hint = written.poll(); hint != null; hint = written.poll()) {
            // A document written twice is claimed once per round: its second hint waits for the next round.
            if (!inBatch.add(hint)) {
                later.add(hint);
                continue;
            }
            ids.computeIfAbsent(hint.collection(), c -> new ArrayList<>()).add(hint.id());
            if (inBatch.size() == batchSize) {
                break;
            }
        }
        written.addAll(later);
        LeasedBatch batch = new LeasedBatch();
        ids.forEach((collection, inCollection) -> leases.claim(collection, inCollection).forEach(batch::add));
        return batch;
    }
}
