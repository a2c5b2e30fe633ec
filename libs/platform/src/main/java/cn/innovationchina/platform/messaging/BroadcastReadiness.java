package cn.innovationchina.platform.messaging;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Out of service until the broadcast binding has its partitions: an instance that does not yet read the broadcasts
 * would miss what the other instances announce, so no live connection should be routed to it. Added to the
 * service's readiness group under the bean's name.
 */
public final class BroadcastReadiness implements KafkaBindingRebalanceListener, HealthIndicator {

    private final String binding;
    private final String notYet;
    private final AtomicBoolean reading = new AtomicBoolean();

    /** {@code notYet} is the reason the health check gives while the binding has no partitions. */
    public BroadcastReadiness(String binding, String notYet) {
        this.binding = binding;
        this.notYet = notYet;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
            boolean initial) {
        if (binding.equals(bindingName) && !partitions.isEmpty()) {
            reading.set(true);
        }
    }

    @Override
    public Health health() {
        return reading.get() ? Health.up().build() : Health.outOfService().withDetail("reason", notYet).build();
    }
}
