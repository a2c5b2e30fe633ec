package cn.innovationchina.platform.outbox;

import java.util.List;

import org.bson.Document;

/** A document a relay holds the lease of, with the outbox it had when claimed, oldest event first. */
record LeasedOutbox(String collection, Object id, List<Document> outbox) {
}
