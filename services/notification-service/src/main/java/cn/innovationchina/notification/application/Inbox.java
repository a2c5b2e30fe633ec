package cn.innovationchina.notification.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.innovationchina.platform.web.PageRequest;
import cn.innovationchina.events.Channel;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryKey;
import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.notification.domain.Preferences;
import cn.innovationchina.notification.domain.Notice;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.persistence.Contacts;
import cn.innovationchina.notification.persistence.Deliveries;
import cn.innovationchina.notification.persistence.InboxEntries;
import cn.innovationchina.notification.persistence.PreferenceStore;
import cn.innovationchina.platform.problem.NotFound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a recipient keeps here and only it reads: its inbox (also as a live stream), its preferences and email address,
 * and the state of its deliveries.
 */
@Service
public class Inbox {

    private final InboxEntries entries;
    private final PreferenceStore preferences;
    private final Deliveries deliveries;
    private final Contacts contacts;
    private final LiveStream live;
    private final LiveBroadcast broadcast;
    private final Clock clock;

    Inbox(InboxEntries entries, PreferenceStore preferences, Deliveries deliveries, Contacts contacts,
            LiveStream live, LiveBroadcast broadcast, Clock clock) {
        this.entries = entries;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.live = live;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    /** Stores the entry of a notice and announces it live; storing it again for the same event changes nothing. */
    Mono<Void> store(UUID sourceEventId, @Nullable String demandId, Notice notice, Texts.Text text) {
        var entry = new InboxEntry(DeliveryKey.of(sourceEventId, notice.recipient(), Channel.INBOX), notice.type(),
                text.title(), text.body(), demandId, clock.instant(), false);
        return entries.add(notice.recipient(), entry, sourceEventId).doOnNext(added -> {
            if (added) {
                broadcast.announce(notice.recipient(), entry);
            }
        }).then();
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
        return Mono.zip(entries.newestFirst(recipient, request.skip(), request.size()),
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

    public Mono<Preferences> preferences(Recipient recipient) {
        return preferences.of(recipient);
    }

    public Mono<Void> choose(Recipient recipient, Preferences chosen) {
        return preferences.save(recipient, chosen);
    }

    public Mono<Void> registerEmail(Recipient recipient, String address) {
        return contacts.registerEmail(recipient, address);
    }

    /** The recipient's deliveries on the channels that leave the platform, latest first. */
    public Mono<List<Delivery>> deliveries(Recipient recipient, PageRequest request) {
        return deliveries.latestFirst(recipient, request.skip(), request.size());
    }

    public record Page(List<InboxEntry> items, int page, int size, long total) {
    }
}
