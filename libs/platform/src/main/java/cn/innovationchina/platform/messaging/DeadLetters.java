package cn.innovationchina.platform.messaging;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import cn.innovationchina.events.MalformedEventException;
import cn.innovationchina.events.Topics;

/**
 * Retries and dead letters for consumers that take a poll's records at once (ADR 0069). The binder's own dead-letter
 * queue sends every record of a failed poll there; here only the record whose handling failed is retried (the
 * consumer's back-off: {@code max-attempts}, {@code back-off-*}) and then sent to {@code <topic>.<group>.dlq}, the
 * records before it counting as handled and those after it read again. A malformed record is sent at once. A
 * broadcast binding (no group, ADR 0048), or one whose {@code dlq-name} is set empty, has no dead letters: a record
 * it cannot take is logged and dropped.
 */
public class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** The binder names the group of a binding without one so. */
    private static final String ANONYMOUS = "anonymous.";

    private final KafkaOperations<byte[], byte[]> producer;
    private final KafkaAdmin admin;
    private final int partitions;
    private final short replicas;

    public DeadLetters(KafkaOperations<byte[], byte[]> producer, KafkaAdmin admin, int partitions, short replicas) {
        this.producer = producer;
        this.admin = admin;
        this.partitions = partitions;
        this.replicas = replicas;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff, @Nullable ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties == null) {
            configure(container, destinationName, group, dlqDestinationResolver, backOff);
            return;
        }
        // The binder's back-off bounds the time the retries may take, not their number: a record read again after a
        // seek may wait for its fetch, so max-attempts is counted here, as it was when records came one at a time.
        var retries = new ExponentialBackOff(properties.getBackOffInitialInterval(),
                properties.getBackOffMultiplier());
        retries.setMaxInterval(properties.getBackOffMaxInterval());
        retries.setMaxAttempts(Math.max(0, properties.getMaxAttempts() - 1));
        handleFailures(container, destinationName, group, properties.getExtension().getDlqName(), retries);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff) {
        handleFailures(container, destinationName, group, null, backOff);
    }

    /**
     * {@code deadLetters}: the binding's {@code dlq-name}; unset, {@code <topic>.<group>.dlq}; set empty, none (a
     * group of one instance's own whose records the service's group already dead-letters).
     */
    private void handleFailures(AbstractMessageListenerContainer<?, ?> container, String topic, String group,
            @Nullable String deadLetters, @Nullable BackOff backOff) {
        ConsumerRecordRecoverer recoverer;
        if (group.startsWith(ANONYMOUS) || deadLetters != null && deadLetters.isEmpty()) {
            recoverer = (record, failure) -> log.warn("Dropping record {}-{}@{} that {} cannot take", record.topic(),
                    record.partition(), record.offset(), group, failure);
        } else {
            String name = deadLetters == null ? Topics.deadLetters(topic, group) : deadLetters;
            admin.createOrModifyTopics(TopicBuilder.name(name).partitions(partitions).replicas(replicas).build());
            // Partition -1: the producer places the record by its key, as the binder's own dead letters did.
            recoverer = new DeadLetterPublishingRecoverer(producer, (record, failure) -> new TopicPartition(name, -1));
        }
        var handler = new DefaultErrorHandler(recoverer, backOff == null ? new FixedBackOff(0L, 0L) : backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        // A record's attempts count whatever each one failed with (the first failure's cause is wrapped otherwise).
        handler.setResetStateOnExceptionChange(false);
        container.setCommonErrorHandler(handler);
    }

    /** The binder's retries apply to one record at a time; a poll's are this handler's. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
