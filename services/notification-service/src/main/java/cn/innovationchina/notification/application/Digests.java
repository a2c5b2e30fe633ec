package cn.innovationchina.notification.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.innovationchina.notification.domain.Digest;
import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.notification.domain.Notices;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.persistence.InboxEntries;
import cn.innovationchina.notification.persistence.PreferenceStore;
import reactor.core.publisher.Mono;

/**
 * Daily and weekly digests: one email per recipient summarising the inbox entries of the period that it has not
 * muted for email; a period without any sends nothing. The period itself is the digest's source, so its delivery
 * key makes a second run for the same period, on this or another instance, send nothing.
 */
@Component
public class Digests {

    private final PreferenceStore preferences;
    private final InboxEntries entries;
    private final Texts texts;
    private final EmailChannel email;
    private final Clock clock;
    private final ZoneId zone;

    Digests(PreferenceStore preferences, InboxEntries entries, Texts texts, EmailChannel email, Clock clock,
            @Value("${notification.digest.zone}") ZoneId zone) {
        this.preferences = preferences;
        this.entries = entries;
        this.texts = texts;
        this.email = email;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${notification.digest.daily-cron}", zone = "${notification.digest.zone}")
    void daily() {
        send(Digest.DAILY, LocalDate.now(clock.withZone(zone))).block();
    }

    @Scheduled(cron = "${notification.digest.weekly-cron}", zone = "${notification.digest.zone}")
    void weekly() {
        send(Digest.WEEKLY, LocalDate.now(clock.withZone(zone))).block();
    }

    /** Sends the digests of the period (a day or a week) ending at the start of {@code periodEnd}, in the zone. */
    public Mono<Void> send(Digest frequency, LocalDate periodEnd) {
        LocalDate periodStart = periodEnd.minusDays(frequency == Digest.WEEKLY ? 7 : 1);
        UUID period = UUID.nameUUIDFromBytes(("digest|" + frequency + "|" + periodStart + "|" + periodEnd)
                .getBytes(StandardCharsets.UTF_8));
        return preferences.withDigest(frequency)
                .concatMap(chosen -> entries.between(chosen.recipient(), periodStart.atStartOfDay(zone).toInstant(),
                        periodEnd.atStartOfDay(zone).toInstant())
                        .map(found -> found.stream().filter(e -> chosen.preferences().wantsEmail(e.type())).toList())
                        .filter(wanted -> !wanted.isEmpty())
                        .flatMap(wanted -> {
                            var notice = Notices.digest(chosen.recipient(),
                                    wanted.stream().map(InboxEntry::title).toList());
                            return email.send(period, chosen.recipient(), NotificationType.DIGEST,
                                    texts.render(notice, chosen.preferences().language()),
                                    chosen.preferences().heldUntil(clock.instant()));
                        }))
                .then();
    }
}
