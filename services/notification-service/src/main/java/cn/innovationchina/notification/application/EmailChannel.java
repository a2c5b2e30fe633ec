package cn.innovationchina.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.Channel;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryKey;
import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.persistence.Contacts;
import cn.innovationchina.notification.persistence.Deliveries;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Email over SMTP to the address a recipient registered. The delivery is claimed before the first attempt, so a
 * redelivered event never sends a second mail; a failed send is retried with back-off a bounded number of times and
 * then recorded FAILED, without failing the event (the inbox already has it). A delivery in the recipient's quiet
 * hours is only claimed, and sent by {@link PendingDeliveries} when they end. Without {@code spring.mail.host}
 * there is no mail sender and the channel is off.
 */
@Component
public class EmailChannel {

    /** Looked up once: asking the bean factory on every send cost more than the send's bookkeeping. */
    private final @Nullable JavaMailSender mailSender;
    private final Contacts contacts;
    private final Deliveries deliveries;
    private final Outcomes outcomes;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration resendAfter;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, Contacts contacts, Deliveries deliveries,
            Outcomes outcomes, Clock clock, @Value("${notification.email.from}") String from,
            @Value("${notification.email.max-attempts}") int maxAttempts,
            @Value("${notification.email.backoff}") Duration backoff,
            @Value("${notification.resend.after}") Duration resendAfter) {
        this.mailSender = mailSender.getIfAvailable();
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.resendAfter = resendAfter;
    }

    Mono<Void> send(UUID sourceEventId, Recipient recipient, NotificationType type, Texts.Text text,
            Optional<Instant> heldUntil) {
        JavaMailSender sender = mailSender;
        if (sender == null) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        var pending = new Delivery(DeliveryKey.of(sourceEventId, recipient, Channel.EMAIL), Channel.EMAIL, type,
                sourceEventId.toString(), null, DeliveryState.PENDING, 0, null, now, heldUntil.orElse(null));
        var message = new Deliveries.Message(text.title(), text.body());
        return contacts.emailOf(recipient)
                .flatMap(address -> deliveries.claim(pending, recipient, message,
                        heldUntil.orElse(now.plus(resendAfter)))
                        .filter(claimed -> heldUntil.isEmpty())
                        .flatMap(claimed -> attempt(sender, claimed, recipient, message, address)));
    }

    /** Sends a delivery that was held or interrupted, to the address registered now. */
    Mono<Void> complete(Deliveries.Pending pending) {
        JavaMailSender sender = mailSender;
        if (sender == null) {
            return outcomes.record(pending.delivery(), pending.recipient(), pending.message(), DeliveryState.FAILED,
                    0, "email is off on this instance");
        }
        return contacts.emailOf(pending.recipient())
                .flatMap(address -> attempt(sender, pending.delivery(), pending.recipient(), pending.message(),
                        address))
                .switchIfEmpty(Mono.defer(() -> outcomes.record(pending.delivery(), pending.recipient(),
                        pending.message(), DeliveryState.FAILED, 0, "no email address registered")));
    }

    private Mono<Void> attempt(JavaMailSender sender, Delivery claimed, Recipient recipient,
            Deliveries.Message message, String address) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.fromRunnable(() -> {
            attempts.incrementAndGet();
            sender.send(mail(address, message));
        }).subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(maxAttempts - 1L, backoff))
                .then(Mono.defer(() -> outcomes.record(claimed, recipient, message, DeliveryState.SENT,
                        attempts.get(), null)))
                .onErrorResume(e -> outcomes.record(claimed, recipient, message, DeliveryState.FAILED,
                        attempts.get(), reason(e)));
    }

    private SimpleMailMessage mail(String address, Deliveries.Message message) {
        var mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(address);
        mail.setSubject(message.title());
        mail.setText(message.body());
        return mail;
    }

    private static String reason(Throwable failure) {
        Throwable cause = Exceptions.isRetryExhausted(failure) && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
