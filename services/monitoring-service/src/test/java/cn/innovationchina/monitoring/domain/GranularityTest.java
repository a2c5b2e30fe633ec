package cn.innovationchina.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.innovationchina.monitoring.domain.Granularity.Period;

class GranularityTest {

    @Test
    void weeks_end_on_sunday_and_the_range_cuts_the_first_and_last_week() {
        assertThat(Granularity.WEEK.periods(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-17")))
                .containsExactly(new Period(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-08")),
                        new Period(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-15")),
                        new Period(LocalDate.parse("2026-03-16"), LocalDate.parse("2026-03-17")));
    }

    @Test
    void months_are_calendar_months_including_a_leap_february() {
        assertThat(Granularity.MONTH.periods(LocalDate.parse("2028-01-20"), LocalDate.parse("2028-03-01")))
                .containsExactly(new Period(LocalDate.parse("2028-01-20"), LocalDate.parse("2028-01-31")),
                        new Period(LocalDate.parse("2028-02-01"), LocalDate.parse("2028-02-29")),
                        new Period(LocalDate.parse("2028-03-01"), LocalDate.parse("2028-03-01")));
    }

    @Test
    void a_single_day_range_has_one_daily_period() {
        assertThat(Granularity.DAY.periods(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-04")))
                .containsExactly(new Period(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-04")));
    }
}
