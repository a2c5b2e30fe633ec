package cn.innovationchina.monitoring.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** How a report splits its range: by day, by week (Monday to Sunday) or by calendar month. */
public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    /** The periods covering {@code from..to}; the first and last are cut to the range. */
    public List<Period> periods(LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = endOf(start);
            periods.add(new Period(start, end.isAfter(to) ? to : end));
            start = end.plusDays(1);
        }
        return periods;
    }

    private LocalDate endOf(LocalDate day) {
        switch (this) {
            case WEEK:
                return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH:
                return day.with(TemporalAdjusters.lastDayOfMonth());
            default:
                return day;
        }
    }

    public record Period(LocalDate start, LocalDate end) {
    }
}
