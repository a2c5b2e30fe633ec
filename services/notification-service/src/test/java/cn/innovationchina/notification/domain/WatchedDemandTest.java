package cn.innovationchina.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WatchedDemandTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-01T02:00:00Z");
    private static final WatchedDemand DEMAND = new WatchedDemand("d-1", "e-1", "XIANNING", "氢燃料电池电堆",
            LocalDate.of(2026, 12, 10), PUBLISHED);

    @Test
    void the_enterprise_is_reminded_from_three_days_before_the_deadline_until_the_deadline() {
        assertThat(DEMAND.expiringSoon(LocalDate.of(2026, 12, 6), 3)).isEmpty();
        assertThat(DEMAND.expiringSoon(LocalDate.of(2026, 12, 7), 3)).hasValueSatisfying(reminder -> assertThat(
                reminder.notice()).isEqualTo(new Notice(Recipient.enterprise("e-1"),
                        NotificationType.DEMAND_EXPIRING_SOON, java.util.List.of(new Phrase.Demand("氢燃料电池电堆"),
                        new Phrase.Day(LocalDate.of(2026, 12, 10)), new Phrase.Count(3)))));
        assertThat(DEMAND.expiringSoon(LocalDate.of(2026, 12, 11), 3)).isEmpty();
    }

    @Test
    void every_day_of_the_window_is_the_same_reminder_so_it_is_delivered_once() {
        var first = DEMAND.expiringSoon(LocalDate.of(2026, 12, 7), 3).orElseThrow();
        var later = DEMAND.expiringSoon(LocalDate.of(2026, 12, 9), 3).orElseThrow();

        assertThat(later.sourceId()).isEqualTo(first.sourceId());
    }

    @Test
    void a_new_deadline_is_a_new_reminder() {
        var revised = new WatchedDemand("d-1", "e-1", "XIANNING", "氢燃料电池电堆", LocalDate.of(2026, 12, 20), PUBLISHED);

        assertThat(revised.expiringSoon(LocalDate.of(2026, 12, 18), 3).orElseThrow().sourceId())
                .isNotEqualTo(DEMAND.expiringSoon(LocalDate.of(2026, 12, 8), 3).orElseThrow().sourceId());
    }

    @Test
    void the_city_hears_of_a_stale_demand_once_per_period_without_progress() {
        Duration fortnight = Duration.ofDays(14);

        assertThat(DEMAND.stale(PUBLISHED.plus(Duration.ofDays(13)), fortnight)).isEmpty();
        var first = DEMAND.stale(PUBLISHED.plus(Duration.ofDays(14)), fortnight).orElseThrow();
        var sameFortnight = DEMAND.stale(PUBLISHED.plus(Duration.ofDays(20)), fortnight).orElseThrow();
        var next = DEMAND.stale(PUBLISHED.plus(Duration.ofDays(28)), fortnight).orElseThrow();

        assertThat(first.notice().recipient()).isEqualTo(Recipient.city("XIANNING"));
        assertThat(first.notice().type()).isEqualTo(NotificationType.DEMAND_STALE);
        assertThat(sameFortnight.sourceId()).isEqualTo(first.sourceId());
        assertThat(next.sourceId()).isNotEqualTo(first.sourceId());
    }
}
