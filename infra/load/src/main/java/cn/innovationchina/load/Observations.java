package cn.innovationchina.load;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the probes saw, by demand id, whichever step the demand belongs to: when MatchesProposed reached Kafka (the
 * harness's clock), when its inbox entry was written (the service's clock) and when the enterprise's live stream
 * carried it (the harness's clock). A step joins its own responses with these.
 */
final class Observations {

    /** MatchesProposed as the probe consumed it; {@code proposals} 0 means no qualified provider. */
    record Proposed(long nanos, int proposals) {
    }

    /** The enterprise's MATCHES_PROPOSED entry: written at {@code createdAt}, streamed at {@code streamedNanos}. */
    record Delivered(Instant createdAt, long streamedNanos) {
    }

    final Map<String, Proposed> proposed = new ConcurrentHashMap<>();
    final Map<String, Delivered> delivered = new ConcurrentHashMap<>();
}
