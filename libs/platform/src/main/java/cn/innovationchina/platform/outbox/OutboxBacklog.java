package cn.innovationchina.platform.outbox;

import static cn.innovationchina.platform.outbox.AggregateStore.OUTBOX;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.client.model.Projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * The backlog of the relayed collections, measured at most every {@code platform.outbox.metrics-interval}: per
 * collection, the events still waiting ({@code platform.outbox.pending}) and how long the oldest of them has waited
 * ({@code platform.outbox.oldest.age}). Both count every instance's writes, since they read the collections.
 */
final class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final ReactiveMongoTemplate mongo;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Map<String, Measured> collections = new ConcurrentHashMap<>();
    private volatile Instant measuredAt = Instant.EPOCH;

    OutboxBacklog(ReactiveMongoTemplate mongo, OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        for (String collection : properties.collections()) {
            var measured = new Measured();
            collections.put(collection, measured);
            Gauge.builder("platform.outbox.pending", measured, m -> m.pending)
                    .description("events written to the collection's outboxes and not yet published")
                    .tag("collection", collection).register(meters);
            TimeGauge.builder("platform.outbox.oldest.age", measured, TimeUnit.MILLISECONDS,
                            m -> m.ageMillis(clock.instant()))
                    .description("how long the oldest unpublished event of the collection has waited")
                    .tag("collection", collection).register(meters);
        }
    }

    /** Measures every collection if the last measurement is a metrics interval old; a failure keeps the figures. */
    void measureWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(measuredAt.plus(properties.metricsInterval()))) {
            return;
        }
        measuredAt = now;
        try {
            collections.forEach(this::measure);
        } catch (RuntimeException e) {
            log.warn("Measuring the outbox backlog failed; the gauges keep the last figures", e);
        }
    }

    /** Counts the pending events of every document with a non-empty outbox, and finds the oldest one's time. */
    private void measure(String collection, Measured measured) {
        var occurredAt = Projections.include(OUTBOX + ".occurredAt");
        var sums = mongo.getCollection(collection)
                .flatMapMany(c -> c.find(new Document(OUTBOX + ".0", new Document("$exists", true)))
                        .projection(occurredAt))
                .flatMapIterable(document -> document.getList(OUTBOX, Document.class))
                .reduce(new long[] {0, Long.MAX_VALUE}, (sum, entry) -> {
                    sum[0]++;
                    Date at = entry.getDate("occurredAt");
                    if (at != null) {
                        sum[1] = Math.min(sum[1], at.getTime());
                    }
                    return sum;
                })
                .block(properties.sendTimeout());
        measured.pending = sums[0];
        measured.oldest = sums[0] == 0 || sums[1] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(sums[1]);
    }

    /** The last measurement of one collection's outboxes. */
    private static final class Measured {
        private volatile long pending;
        private volatile Instant oldest;

        private double ageMillis(Instant now) {
            Instant since = oldest;
            return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis());
        }
    }
}
