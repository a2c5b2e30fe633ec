package cn.innovationchina.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections   the aggregate collections whose documents carry an outbox; the relay watches these
 * @param pollInterval  how often, at most, the relay scans the collections for events no local write told it of
 * @param lease         how long one relay instance owns a document's outbox while publishing it
 * @param batchSize     documents claimed per round, whose events are all sent before the relay waits for the answers
 * @param sendTimeout   how long to wait for the broker's acknowledgement of one event
 * @param metricsInterval how often the relay measures the backlog (pending events, oldest one's age)
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration lease, int batchSize,
        Duration sendTimeout, Duration metricsInterval) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        batchSize = batchSize <= 0 ? 50 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        metricsInterval = metricsInterval == null ? Duration.ofSeconds(5) : metricsInterval;
    }
}
