package cn.innovationchina.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.Channel;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryKey;
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
 * then recorded FAILED, without failing the event (the inbox already has it). Without {@code spring.mail.host}
 * there is no mail sender and the channel is off.
 */
@Component
public class EmailChannel {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final Contacts contacts;
    private final Deliveries deliveries;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, Contacts contacts, Deliveries deliveries, Clock clock,
            @Value("${notification.email.from}") String from,
            @Value("${notification.email.max-attempts}") int maxAttempts,
            @Value("${notification.email.backoff}") Duration backoff) {
        this.mailSender = mailSender;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    Mono<Void> send(UUID sourceEventId, Recipient recipient, NotificationType type, Texts.Text text) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return Mono.empty();
        }
        String id = DeliveryKey.of(sourceEventId, recipient, Channel.EMAIL);
        return contacts.emailOf(recipient)
                .flatMap(address -> deliveries.claim(id, recipient, Channel.EMAIL, type, sourceEventId,
                        clock.instant())
                        .flatMap(claimed -> attempt(sender, claimed, recipient, message(address, text))));
    }

    private Mono<Void> attempt(JavaMailSender sender, Delivery claimed, Recipient recipient,
            SimpleMailMessage message) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.fromRunnable(() -> {
            attempts.incrementAndGet();
            sender.send(message);
        }).subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(maxAttempts - 1L, backoff))
                .then(Mono.fromSupplier(clock::instant))
                .flatMap(at -> deliveries.sent(claimed, recipient, attempts.get(), at))
                .onErrorResume(e -> deliveries.failed(claimed, recipient, attempts.get(), reason(e),
                        clock.instant()));
    }

    private SimpleMailMessage message(String address, Texts.Text text) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject(text.title());
        message.setText(text.body());
        return message;
    }

    private static String reason(Throwable failure) {
        Throwable cause = Exceptions.isRetryExhausted(failure) && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
