package cn.innovationchina.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.notification.persistence.WatchedDemands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reminders no event carries: "demand expiring soon" to the enterprise ({@code expiring-days-before} days before the
 * deadline, once per demand and deadline) and "demand stale" to the city's administrators (a published demand
 * without docking or contract for {@code stale-after}, once per such period). It follows the published demands from
 * their events and looks at them on a schedule every instance runs; the reminders' delivery keys make each count
 * once however many runs find it.
 */
@Component
public class DemandReminders {

    private final WatchedDemands demands;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final int expiringDaysBefore;
    private final Duration staleAfter;

    DemandReminders(WatchedDemands demands, Notifications notifications, Clock clock,
            @Value("${notification.reminders.zone}") ZoneId zone,
            @Value("${notification.reminders.expiring-days-before}") int expiringDaysBefore,
            @Value("${notification.reminders.stale-after}") Duration staleAfter) {
        this.demands = demands;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = zone;
        this.expiringDaysBefore = expiringDaysBefore;
        this.staleAfter = staleAfter;
    }

    public Mono<Void> published(EventEnvelope<DemandPublished> event) {
        var published = event.payload();
        return demands.published(published.demandId(), published.enterprise().enterpriseId(), published.cityCode(),
                published.content().title(), published.content().deadline(), published.publishedAt());
    }

    public Mono<Void> revised(EventEnvelope<DemandRevised> event) {
        var revised = event.payload();
        return demands.published(revised.demandId(), revised.enterprise().enterpriseId(), revised.cityCode(),
                revised.content().title(), revised.content().deadline(), revised.revisedAt());
    }

    /** The demand was withdrawn, closed or expired. */
    public Mono<Void> ended(EventEnvelope<? extends DemandEvent> event) {
        return demands.ended(event.payload().demandId());
    }

    /** Docking started or a contract was signed: the demand is not stale. */
    public Mono<Void> progressed(EventEnvelope<? extends MatchEvent> event) {
        return demands.progressed(event.payload().demandId(), event.occurredAt());
    }

    @Scheduled(cron = "${notification.reminders.cron}", zone = "${notification.reminders.zone}")
    void daily() {
        remind().block();
    }

    /** Tells what is due today about every followed demand. */
    public Mono<Void> remind() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        return demands.all()
                .concatMap(demand -> Flux.fromStream(Stream.of(
                        demand.expiringSoon(today, expiringDaysBefore), demand.stale(now, staleAfter))
                        .flatMap(Optional::stream)))
                .concatMap(reminder -> notifications.deliver(reminder.sourceId(), reminder.demandId(),
                        List.of(reminder.notice())))
                .then();
    }
}
