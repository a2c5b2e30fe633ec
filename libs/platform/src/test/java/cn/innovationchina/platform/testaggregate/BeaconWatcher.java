package cn.innovationchina.platform.testaggregate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.platform.messaging.InboundEvents;
import reactor.core.publisher.Mono;

/**
 * A consumer whose effect is visible and NOT idempotent by itself ($inc), so only the platform's deduplication
 * keeps it at one per event. Every attempt at a submission, publication or withdrawal is counted; submissions and
 * publications are also sighted. Other demand events (a closure) have no handler. A submission titled "poison" always
 * fails.
 */
@Configuration
class BeaconWatcher {

    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Bean
    Consumer<Message<byte[]>> demandEvents(InboundEvents inbound, ReactiveMongoTemplate mongo) {
        return inbound.handlers(DemandEvent.class)
                .on(DemandSubmitted.class, BeaconWatcher::attempted)
                .on(DemandPublished.class, BeaconWatcher::attempted)
                .on(DemandWithdrawn.class, BeaconWatcher::attempted)
                .on(DemandSubmitted.class, event -> event.payload().title().equals("poison")
                        ? Mono.error(new IllegalStateException("cannot handle poison"))
                        : sighted(mongo, event))
                .on(DemandPublished.class, event -> sighted(mongo, event));
    }

    private static Mono<Void> attempted(EventEnvelope<?> event) {
        return Mono.fromRunnable(() -> ATTEMPTS.computeIfAbsent(event.aggregateId(), id -> new AtomicInteger())
                .incrementAndGet());
    }

    private static Mono<Void> sighted(ReactiveMongoTemplate mongo, EventEnvelope<?> event) {
        return mongo.getCollection("sightings")
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", event.aggregateId()),
                        Updates.combine(Updates.inc("count", 1), Updates.set("correlationId", event.correlationId())),
                        new UpdateOptions().upsert(true))))
                .then();
    }

    static Mono<Document> sighting(ReactiveMongoTemplate mongo, String id) {
        return mongo.getCollection("sightings").flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()));
    }
}
