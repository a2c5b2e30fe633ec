package cn.innovationchina.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import reactor.core.publisher.Mono;

/**
 * Deletes processed-event markers older than the retention. The application does it because TTL indexes never
 * expire on the embedded wire server; the retention must exceed how far a consumer can ever be rewound.
 */
public class ProcessedEventsJanitor {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsJanitor.class);

    private final ReactiveMongoTemplate mongo;
    private final Duration retention;
    private final Clock clock;

    public ProcessedEventsJanitor(ReactiveMongoTemplate mongo, Duration retention, Clock clock) {
        this.mongo = mongo;
        this.retention = retention;
        this.clock = clock;
        mongo.getCollection(InboundEvents.PROCESSED_EVENTS)
                .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("processedAt"),
                        new IndexOptions().name("processedAt"))))
                .block(Duration.ofSeconds(30));
    }

    @Scheduled(fixedDelayString = "${platform.consumer.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    public void removeExpiredMarkers() {
        removeOlderThan(Date.from(clock.instant().minus(retention)));
    }

    long removeOlderThan(Date cutoff) {
        Long removed = mongo.getCollection(InboundEvents.PROCESSED_EVENTS)
                .flatMap(c -> Mono.from(c.deleteMany(Filters.lt("processedAt", cutoff))))
                .map(result -> result.getDeletedCount())
                .block(Duration.ofMinutes(1));
        log.debug("Removed {} processed-event markers older than {}", removed, cutoff);
        return removed == null ? 0 : removed;
    }
}
