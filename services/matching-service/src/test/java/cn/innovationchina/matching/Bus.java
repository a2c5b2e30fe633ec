package cn.innovationchina.matching;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.ProviderDeactivated;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.platform.messaging.InboundEvents;
import cn.innovationchina.testkit.ConsumerGroups;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.RealInfrastructure;
import reactor.core.publisher.Mono;

/**
 * Plays the demand and expert services on the real broker: publishes their events with increasing aggregate
 * versions, re-sends records, and waits until matching-service has handled an event.
 */
public final class Bus {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());

    /** Where each sent event landed, by event id: the index groups are awaited past it. */
    private static final Map<UUID, RecordMetadata> SENT = new ConcurrentHashMap<>();

    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final ReactiveMongoTemplate mongo;

    public Bus(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public EventEnvelope<ProviderRegistered> registers(String providerId, ProviderProfile profile) {
        return publish(new ProviderRegistered(providerId, profile), providerId, profile.cityCode());
    }

    public EventEnvelope<ProviderProfileUpdated> updates(String providerId, ProviderProfile profile) {
        return publish(new ProviderProfileUpdated(providerId, profile), providerId, profile.cityCode());
    }

    public EventEnvelope<ProviderDeactivated> deactivates(String providerId) {
        return publish(new ProviderDeactivated(providerId, "left"), providerId, null);
    }

    public EventEnvelope<DemandPublished> publishes(String demandId, EnterpriseRef enterprise, DemandContent content) {
        return publish(new DemandPublished(demandId, enterprise, "XIANNING", content, Instant.now()), demandId,
                "XIANNING");
    }

    public EventEnvelope<DemandRevised> revises(String demandId, EnterpriseRef enterprise, DemandContent content) {
        return publish(new DemandRevised(demandId, enterprise, "XIANNING", content, 2, Instant.now()), demandId,
                "XIANNING");
    }

    public EventEnvelope<DemandWithdrawn> withdraws(String demandId, EnterpriseRef enterprise) {
        return publish(new DemandWithdrawn(demandId, enterprise.enterpriseId(), "XIANNING", "solved in house"),
                demandId, "XIANNING");
    }

    /** Publishes an event at a version of the caller's choice, e.g. one older than the last. */
    public <E extends DomainEvent> EventEnvelope<E> publishAt(E event, String aggregateId, long version) {
        var envelope = EventEnvelope.wrap(event, aggregateId, version, null,
                new EventEnvelope.Tracing("test-" + aggregateId, null), "a-test", Instant.now());
        send(envelope);
        return envelope;
    }

    public <E extends DomainEvent> EventEnvelope<E> publish(E event, String aggregateId, String cityCode) {
        long version = versions.computeIfAbsent(aggregateId, id -> new AtomicLong()).incrementAndGet();
        var envelope = EventEnvelope.wrap(event, aggregateId, version, cityCode,
                new EventEnvelope.Tracing("test-" + aggregateId, null), "a-test", Instant.now());
        send(envelope);
        return envelope;
    }

    /** Sends a record as it is: a second send is a redelivery. */
    public void send(EventEnvelope<?> envelope) {
        SENT.put(envelope.eventId(),
                send(new ProducerRecord<>(envelope.topic(), envelope.aggregateId(), EventJson.write(envelope))));
    }

    /** Publishes a demand as the demand service does inside a trace: W3C {@code traceparent} in the headers. */
    public EventEnvelope<DemandPublished> publishesInTrace(String demandId, EnterpriseRef enterprise,
            DemandContent content, String traceparent) {
        var envelope = EventEnvelope.wrap(new DemandPublished(demandId, enterprise, "XIANNING", content, Instant.now()),
                demandId, versions.computeIfAbsent(demandId, id -> new AtomicLong()).incrementAndGet(), "XIANNING",
                new EventEnvelope.Tracing("test-" + demandId, null), "a-test", Instant.now());
        var record = new ProducerRecord<>(envelope.topic(), demandId, EventJson.write(envelope));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        SENT.put(envelope.eventId(), send(record));
        return envelope;
    }

    private static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return PRODUCER.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits until matching-service has handled the event: a demand event once the service's group has committed past
     * everything on its topic (demands are ranked without a marker, ADR 0067); any other once its deduplication
     * marker, written after the effect, is there and, for a provider event, every live instance's index has it: the
     * next demand may be ranked by any of the instances the test contexts have started.
     */
    public void awaitHandled(EventEnvelope<?> envelope) {
        if (envelope.payload() instanceof DemandEvent) {
            ConsumerGroups.awaitCaughtUp("matching-service", List.of(envelope.topic()));
            return;
        }
        String marker = "matching-service:" + envelope.eventId();
        Eventually.awaitState(envelope.type() + " handled", () -> mongo.getCollection(InboundEvents.PROCESSED_EVENTS)
                .flatMap(c -> Mono.from(c.countDocuments(new Document("_id", marker)))).block(), count -> count == 1);
        if (envelope.payload() instanceof ProviderEvent && SENT.containsKey(envelope.eventId())) {
            ConsumerGroups.awaitLiveGroupsPast("matching-service-index-", SENT.get(envelope.eventId()));
        }
    }
}
