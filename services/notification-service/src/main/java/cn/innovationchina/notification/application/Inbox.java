package cn.innovationchina.notification.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.innovationchina.events.Channel;
import cn.innovationchina.notification.domain.DeliveryKey;
import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.notification.domain.Language;
import cn.innovationchina.notification.domain.Notice;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.persistence.InboxEntries;
import cn.innovationchina.notification.persistence.LanguagePreferences;
import cn.innovationchina.platform.problem.NotFound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The in-app channel: notices become entries in their recipients' inboxes, which only the recipient reads. */
@Service
public class Inbox {

    private final InboxEntries entries;
    private final LanguagePreferences languages;
    private final Texts texts;
    private final LiveStream live;
    private final Clock clock;

    Inbox(InboxEntries entries, LanguagePreferences languages, Texts texts, LiveStream live, Clock clock) {
        this.entries = entries;
        this.languages = languages;
        this.texts = texts;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Delivers the notices an event caused and pushes the new entries to their recipients' live connections;
     * delivering them again for the same event changes nothing and pushes nothing.
     */
    public Mono<Void> deliver(UUID sourceEventId, List<Notice> notices) {
        return Flux.fromIterable(notices).concatMap(notice -> languages.of(notice.recipient())
                .map(language -> texts.render(notice, language))
                .map(text -> new InboxEntry(DeliveryKey.of(sourceEventId, notice.recipient(), Channel.INBOX),
                        notice.type(), text.title(), text.body(), clock.instant(), false))
                .flatMap(entry -> entries.add(notice.recipient(), entry, sourceEventId)
                        .doOnNext(added -> {
                            if (added) {
                                live.publish(notice.recipient(), entry);
                            }
                        })))
                .then();
    }

    /**
     * The recipient's entries as they arrive, preceded by those stored after {@code lastSeenId} when the client
     * resumes. The live connection opens first, so an entry stored during the catch-up is not lost; one seen both
     * ways is sent once.
     */
    public Flux<InboxEntry> stream(String user, Recipient recipient, @Nullable String lastSeenId) {
        Flux<InboxEntry> arriving = live.open(user, recipient);
        Flux<InboxEntry> missed = lastSeenId == null ? Flux.empty() : entries.storedAfter(recipient, lastSeenId);
        return missed.concatWith(arriving).distinct(InboxEntry::id);
    }

    public Mono<Page> page(Recipient recipient, PageRequest request) {
        return Mono.zip(entries.newestFirst(recipient, request.page() * request.size(), request.size()),
                entries.count(recipient))
                .map(found -> new Page(found.getT1(), request.page(), request.size(), found.getT2()));
    }

    public Mono<Long> unread(Recipient recipient) {
        return entries.unread(recipient);
    }

    public Mono<Void> markRead(Recipient recipient, String id) {
        return entries.markRead(recipient, id, clock.instant())
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(new NotFound("notification", id)));
    }

    public Mono<Long> markAllRead(Recipient recipient) {
        return entries.markAllRead(recipient, clock.instant());
    }

    public Mono<Language> language(Recipient recipient) {
        return languages.of(recipient);
    }

    public Mono<Void> chooseLanguage(Recipient recipient, Language language) {
        return languages.choose(recipient, language);
    }

    public record Page(List<InboxEntry> items, int page, int size, long total) {
    }
}
