package cn.innovationchina.notification.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.MalformedEventException;
import cn.innovationchina.notification.application.LiveBroadcast;
import cn.innovationchina.notification.application.LiveStream;
import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.notification.domain.Recipient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;

/**
 * The live push across instances (ADR 0030). The instance that stores an inbox entry announces it on
 * {@code notification.live}, keyed by recipient; every instance reads that topic as an anonymous group of its own
 * (a broadcast, from the latest record on) and pushes each entry to the connections of its recipient it holds.
 */
@Configuration
class LivePush {

    static final String TOPIC = "notification.live";
    static final String ENTRIES = "liveEntries-in-0";
    private static final Logger log = LoggerFactory.getLogger(LivePush.class);

    /** What goes on the topic: the entry and whose it is. */
    record Announced(String recipient, InboxEntry entry) {
    }

    @Bean
    Announcer liveBroadcast(KafkaProperties kafka, @Value("${spring.application.name}") String application) {
        var config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-live");
        return new Announcer(new KafkaProducer<>(config));
    }

    /**
     * Sends from one thread of its own, so a broker that is slow or away delays no event handler, and a recipient's
     * entries stay in order. A plain producer: an announcement is neither an event of the contract nor worth a retry.
     */
    static final class Announcer implements LiveBroadcast, AutoCloseable {

        private final Producer<String, byte[]> producer;
        private final Scheduler thread = Schedulers.newSingle("live-announcer");

        Announcer(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        @Override
        public void announce(Recipient recipient, InboxEntry entry) {
            thread.schedule(() -> {
                try {
                    producer.send(new ProducerRecord<>(TOPIC, recipient.key(),
                            EventJson.mapper().writeValueAsBytes(new Announced(recipient.key(), entry))),
                            (sent, failure) -> {
                                if (failure != null) {
                                    notAnnounced(entry, failure);
                                }
                            });
                } catch (RuntimeException e) {
                    notAnnounced(entry, e);
                }
            });
        }

        private static void notAnnounced(InboxEntry entry, Exception failure) {
            log.warn("Inbox entry {} not announced live; its recipient sees it in the inbox", entry.id(), failure);
        }

        @Override
        public void close() {
            thread.dispose();
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Bean
    Consumer<Message<byte[]>> liveEntries(LiveStream live) {
        return message -> {
            Announced announced;
            try {
                announced = EventJson.mapper().readValue(message.getPayload(), Announced.class);
            } catch (JacksonException e) {
                throw new MalformedEventException("Not an announced inbox entry: " + e.getOriginalMessage());
            }
            live.publish(Recipient.ofKey(announced.recipient()), announced.entry());
        };
    }

    /** Live connections are not for this instance until it reads the announcements: it is not ready before. */
    @Bean
    LiveReadiness liveStreamHealthIndicator() {
        return new LiveReadiness();
    }

    static final class LiveReadiness implements KafkaBindingRebalanceListener, HealthIndicator {

        private final AtomicBoolean reading = new AtomicBoolean();

        @Override
        public void onPartitionsAssigned(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                Collection<TopicPartition> partitions, boolean initial) {
            if (ENTRIES.equals(bindingName) && !partitions.isEmpty()) {
                reading.set(true);
            }
        }

        @Override
        public Health health() {
            return reading.get() ? Health.up().build()
                    : Health.outOfService().withDetail("reason", "not reading the live announcements yet").build();
        }
    }
}
