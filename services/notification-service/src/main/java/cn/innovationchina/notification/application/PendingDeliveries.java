package cn.innovationchina.notification.application;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.Channel;
import cn.innovationchina.notification.persistence.Deliveries;
import reactor.core.publisher.Mono;

/**
 * Sends the email and webhook deliveries still PENDING whose lease ran out: those held by quiet hours once the
 * hours end, and those a crashed instance claimed but never finished, {@code notification.resend.after} after the
 * claim. Every instance runs it at start-up and then periodically; each delivery is taken by one of them only, and
 * its outcome is stored once (ADR 0015).
 */
@Component
public class PendingDeliveries {

    private static final Logger log = LoggerFactory.getLogger(PendingDeliveries.class);

    private final Deliveries deliveries;
    private final EmailChannel email;
    private final WebhookChannel webhooks;
    private final Clock clock;
    private final Duration resendAfter;

    PendingDeliveries(Deliveries deliveries, EmailChannel email, WebhookChannel webhooks, Clock clock,
            @Value("${notification.resend.after}") Duration resendAfter) {
        this.deliveries = deliveries;
        this.email = email;
        this.webhooks = webhooks;
        this.clock = clock;
        this.resendAfter = resendAfter;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        sendDue().subscribe(null, failure -> log.warn("Pending deliveries not sent at start-up", failure));
    }

    @Scheduled(cron = "${notification.resend.cron}")
    void periodically() {
        sendDue().block();
    }

    /** Sends what is due now; returns how many deliveries it took. */
    public Mono<Long> sendDue() {
        return deliveries.takeDue(clock.instant(), () -> clock.instant().plus(resendAfter))
                .flatMap(pending -> (pending.delivery().channel() == Channel.EMAIL ? email.complete(pending)
                        : webhooks.complete(pending)).thenReturn(pending), 8)
                .count();
    }
}
