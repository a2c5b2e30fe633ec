package cn.innovationchina.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.notification.domain.Notice;
import cn.innovationchina.notification.domain.Notices;
import cn.innovationchina.notification.domain.Preferences;
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
    private final NameBook names;
    private final Clock clock;

    Notifications(PreferenceStore preferences, Texts texts, Inbox inbox, EmailChannel email, WebhookChannel webhooks,
            NameBook names, Clock clock) {
        this.preferences = preferences;
        this.texts = texts;
        this.inbox = inbox;
        this.email = email;
        this.webhooks = webhooks;
        this.names = names;
        this.clock = clock;
    }

    /** The notices a demand event causes, naming the demand as this service knows it. */
    public Mono<Void> aboutDemand(EventEnvelope<? extends DemandEvent> event) {
        return names.about(event.payload())
                .flatMap(known -> deliver(event.eventId(), event.payload().demandId(),
                        Notices.of(event.payload(), known)));
    }

    /** The notices a match event causes, naming the demand and the provider as this service knows them. */
    public Mono<Void> aboutMatch(EventEnvelope<? extends MatchEvent> event) {
        return names.about(event.payload())
                .flatMap(known -> deliver(event.eventId(), event.payload().demandId(),
                        Notices.of(event.payload(), known)));
    }

    public Mono<Void> aboutProvider(EventEnvelope<? extends ProviderEvent> event) {
        return deliver(event.eventId(), null, Notices.of(event.payload()));
    }

    /** Delivers the notices of one event; {@code demandId} is the demand they are about, if any. */
    public Mono<Void> deliver(UUID sourceEventId, @Nullable String demandId, List<Notice> notices) {
        return Flux.fromIterable(notices).concatMap(notice -> preferences.forDelivery(notice.recipient())
                .flatMap(recipient -> {
                    Preferences chosen = recipient.preferences();
                    Texts.Text text = texts.render(notice, chosen.language());
                    Optional<Instant> heldUntil = chosen.heldUntil(clock.instant());
                    return inbox.store(sourceEventId, demandId, notice, text)
                            .then(recipient.mayHaveWebhooks()
                                    ? webhooks.send(sourceEventId, notice.recipient(), notice.type(), text, heldUntil)
                                    : Mono.empty())
                            .then(chosen.wantsEmailNow(notice.type())
                                    ? email.send(sourceEventId, notice.recipient(), notice.type(), text, heldUntil)
                                    : Mono.empty());
                }))
                .then();
    }
}
