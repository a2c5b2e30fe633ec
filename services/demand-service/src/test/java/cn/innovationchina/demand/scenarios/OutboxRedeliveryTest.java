package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.Topics;
import cn.innovationchina.platform.outbox.OutboxProperties;
import cn.innovationchina.platform.outbox.OutboxRelay;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.RealInfrastructure;
import cn.innovationchina.testkit.ServiceTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Pending demand events are handed to the relay again and again (a restart, repeated wake-ups, a second instance
 * relaying the same outboxes): each still reaches Kafka once, in order.
 */
@ServiceTest
class OutboxRedeliveryTest extends DemandScenario {

    @Autowired
    OutboxRelay relay;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    OutboxProperties outbox;

    @Test
    void events_handed_to_the_relay_again_after_a_restart_are_published_once() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(UNREVIEWED_CITY));
        relay.stop();
        try {
            enterprise.submits(draft).ok();
            events().expect(DemandSubmitted.class, draft.id()).never();
        } finally {
            relay.start();
        }
        relay.stop();
        relay.start();
        for (int i = 0; i < 5; i++) {
            relay.wakeUp();
        }

        events().expect(DemandSubmitted.class, draft.id()).exactlyOnce();
        events().expect(DemandPublished.class, draft.id()).exactlyOnce();
        assertThat(events().typesInOrder(Topics.DEMAND_EVENTS, draft.id()))
                .isEqualTo(List.of("DemandSubmitted", "DemandPublished"));
    }

    @Test
    void two_instances_relaying_the_same_outboxes_publish_each_event_once() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        List<DemandRef> demands = new ArrayList<>();
        var secondInstance = new OutboxRelay(mongo, producer(), outbox, clock, new SimpleMeterRegistry());
        relay.stop();
        try {
            for (int i = 0; i < 8; i++) {
                demands.add(publishedBy(enterprise, hydrogen(UNREVIEWED_CITY)));
            }
            secondInstance.start();
            relay.start();
            demands.forEach(demand -> events().expect(DemandPublished.class, demand.id()).atLeastOnce());
            EventProbe.settle();
        } finally {
            secondInstance.stop();
            relay.start();
        }

        assertThat(demands).allSatisfy(demand -> assertThat(events().typesInOrder(Topics.DEMAND_EVENTS, demand.id()))
                .isEqualTo(List.of("DemandSubmitted", "DemandPublished")));
    }

    private static KafkaTemplate<String, byte[]> producer() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)));
    }
}
