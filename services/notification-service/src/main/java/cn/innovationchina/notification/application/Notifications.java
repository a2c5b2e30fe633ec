package cn.innovationchina.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.innovationchina.notification.domain.Notice;
import cn.innovationchina.notification.persistence.PreferenceStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers the notices an event caused on every channel of their recipient: rendered once in the recipient's
 * language, stored in the inbox (and pushed live), posted to the recipient's webhooks, then emailed at once unless
 * the recipient muted email for the type or gathers its emails in a digest ({@link Digests}). In the recipient's
 * quiet hours, webhooks and email are held until the hours end; the inbox never waits. Each channel is idempotent on its own delivery key, so
 * handling the event again, even after a crash half-way, completes what is missing and repeats nothing.
 */
@Service
public class Notifications {

    private final PreferenceStore preferences;
    private final Texts texts;
    private final Inbox inbox;
    private final EmailChannel email;
    private final WebhookChannel webhooks;
    private final Clock clock;

    Notifications(PreferenceStore preferences, Texts texts, Inbox inbox, EmailChannel email, WebhookChannel webhooks,
            Clock clock) {
        this.preferences = preferences;
        this.texts = texts;
        this.inbox = inbox;
        this.email = email;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public Mono<Void> deliver(UUID sourceEventId, List<Notice> notices) {
        return Flux.fromIterable(notices).concatMap(notice -> preferences.of(notice.recipient())
                .flatMap(chosen -> {
                    Texts.Text text = texts.render(notice, chosen.language());
                    Optional<Instant> heldUntil = chosen.heldUntil(clock.instant());
                    return inbox.store(sourceEventId, notice, text)
                            .then(webhooks.send(sourceEventId, notice.recipient(), notice.type(), text, heldUntil))
                            .then(chosen.wantsEmailNow(notice.type())
                                    ? email.send(sourceEventId, notice.recipient(), notice.type(), text, heldUntil)
                                    : Mono.empty());
                }))
                .then();
    }
}
