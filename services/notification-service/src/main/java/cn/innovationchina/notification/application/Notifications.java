package cn.innovationchina.notification.application;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.innovationchina.notification.domain.Notice;
import cn.innovationchina.notification.persistence.PreferenceStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers the notices an event caused on every channel of their recipient: rendered once in the recipient's
 * language, stored in the inbox (and pushed live), then emailed at once unless the recipient muted email for the
 * type or gathers its emails in a digest ({@link Digests}). Each channel is idempotent on its own delivery key, so
 * handling the event again, even after a crash half-way, completes what is missing and repeats nothing.
 */
@Service
public class Notifications {

    private final PreferenceStore preferences;
    private final Texts texts;
    private final Inbox inbox;
    private final EmailChannel email;

    Notifications(PreferenceStore preferences, Texts texts, Inbox inbox, EmailChannel email) {
        this.preferences = preferences;
        this.texts = texts;
        this.inbox = inbox;
        this.email = email;
    }

    public Mono<Void> deliver(UUID sourceEventId, List<Notice> notices) {
        return Flux.fromIterable(notices).concatMap(notice -> preferences.of(notice.recipient())
                .flatMap(chosen -> {
                    Texts.Text text = texts.render(notice, chosen.language());
                    return inbox.store(sourceEventId, notice, text).then(chosen.wantsEmailNow(notice.type())
                            ? email.send(sourceEventId, notice.recipient(), notice.type(), text)
                            : Mono.empty());
                }))
                .then();
    }
}
