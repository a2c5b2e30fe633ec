package cn.innovationchina.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections   the aggregate collections whose documents carry an outbox; the relay watches these
 * @param pollInterval  how often, at most, the relay scans the collections for events no local write told it of
 * @param lease         how long one relay instance owns a document's outbox unless it renews the lease; how long a
 *                      stopped instance's documents wait for another one. At least three send timeouts, since a
 *                      relay renews its leases whenever less than two are left (ADR 0041)
 * @param batchSize     documents claimed per round, whose events are all sent before the relay waits for the answers;
 *                      a round costs the same few commands to the store whatever its size (ADR 0055, 0058)
 * @param sendTimeout   how long the relay waits while the broker answers none of a batch's events before it gives
 *                      up on the rest; it also bounds each of the relay's MongoDB calls
 * @param metricsInterval how often the relay measures the backlog (pending events, oldest one's age)
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration lease, int batchSize,
        Duration sendTimeout, Duration metricsInterval) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = positive("poll-interval", pollInterval, Duration.ofSeconds(1));
        lease = positive("lease", lease, Duration.ofSeconds(30));
        batchSize = batchSize <= 0 ? 500 : batchSize;
        sendTimeout = positive("send-timeout", sendTimeout, Duration.ofSeconds(10));
        metricsInterval = positive("metrics-interval", metricsInterval, Duration.ofSeconds(5));
        if (lease.compareTo(sendTimeout.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("platform.outbox.lease (" + lease + ") must be at least three times"
                    + " platform.outbox.send-timeout (" + sendTimeout + "): a relay renews its leases whenever less"
                    + " than two send timeouts are left of them, room for one wait for the broker and the release"
                    + " after it, so a shorter lease would lapse under a batch that is still publishing");
        }
    }

    private static Duration positive(String name, Duration value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("platform.outbox." + name + " must be positive, not " + value);
        }
        return value;
    }
}
