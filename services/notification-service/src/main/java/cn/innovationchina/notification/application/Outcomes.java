package cn.innovationchina.notification.application;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.persistence.Deliveries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Records how a delivery ended, once: the state with its announcement (through the outbox), and the counter
 * {@code notification.deliveries} tagged with the channel and the outcome (SENT, FAILED) for monitoring to chart.
 */
@Component
class Outcomes {

    private final Deliveries deliveries;
    private final MeterRegistry meters;
    private final Clock clock;

    Outcomes(Deliveries deliveries, MeterRegistry meters, Clock clock) {
        this.deliveries = deliveries;
        this.meters = meters;
        this.clock = clock;
    }

    Mono<Void> record(Delivery claimed, Recipient recipient, Deliveries.Message message, DeliveryState outcome,
            int attempts, @Nullable String failure) {
        Delivery done = claimed.completed(outcome, attempts, failure, clock.instant());
        return deliveries.complete(done, recipient, message).doOnNext(stored -> {
            if (stored) {
                Counter.builder("notification.deliveries").description("Deliveries that left the platform, by outcome")
                        .tag("channel", done.channel().name()).tag("outcome", outcome.name())
                        .register(meters).increment();
            }
        }).then();
    }
}
