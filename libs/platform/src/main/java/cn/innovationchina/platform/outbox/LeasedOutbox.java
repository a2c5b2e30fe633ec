package cn.innovationchina.platform.outbox;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

/**
 * A document a relay leased, with the outbox it had when claimed (oldest event first) and until when the lease was
 * taken.
 */
record LeasedOutbox(String collection, Object id, List<Document> outbox, Instant until) {
}
