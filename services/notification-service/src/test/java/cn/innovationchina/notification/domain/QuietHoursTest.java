package cn.innovationchina.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);

    @Test
    void late_evening_is_held_until_seven_the_next_morning() {
        Clock clock = at(2026, 11, 30, 23, 15);

        assertThat(NIGHT.heldUntil(clock.instant())).contains(local(2026, 12, 1, 7, 0));
    }

    @Test
    void early_morning_is_held_until_seven_the_same_morning() {
        assertThat(NIGHT.heldUntil(at(2026, 12, 1, 6, 59).instant())).contains(local(2026, 12, 1, 7, 0));
    }

    @Test
    void the_day_is_not_held_and_the_end_itself_is_no_longer_quiet() {
        assertThat(NIGHT.heldUntil(at(2026, 12, 1, 12, 0).instant())).isEmpty();
        assertThat(NIGHT.heldUntil(at(2026, 12, 1, 7, 0).instant())).isEmpty();
        assertThat(NIGHT.heldUntil(at(2026, 12, 1, 22, 0).instant())).contains(local(2026, 12, 2, 7, 0));
    }

    @Test
    void quiet_hours_within_a_day_hold_only_inside_them() {
        var lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);

        assertThat(lunch.heldUntil(at(2026, 12, 1, 12, 45).instant())).contains(local(2026, 12, 1, 13, 30));
        assertThat(lunch.heldUntil(at(2026, 12, 1, 11, 59).instant())).isEmpty();
        assertThat(lunch.heldUntil(at(2026, 12, 1, 23, 0).instant())).isEmpty();
    }

    @Test
    void the_zone_is_the_recipients_not_the_servers() {
        var berlinNight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Berlin"));

        // 23:15 in Shanghai is 16:15 in Berlin: not quiet there.
        assertThat(berlinNight.heldUntil(at(2026, 11, 30, 23, 15).instant())).isEmpty();
    }

    @Test
    void quiet_hours_that_start_when_they_end_are_refused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Clock at(int year, int month, int day, int hour, int minute) {
        return Clock.fixed(local(year, month, day, hour, minute), SHANGHAI);
    }

    private static Instant local(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }
}
