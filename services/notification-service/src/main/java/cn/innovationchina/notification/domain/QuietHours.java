package cn.innovationchina.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily period, in the recipient's time zone, in which nothing is emailed or posted to its webhooks; what falls in
 * it is held until the period ends. A period whose start is after its end spans midnight (22:00 to 07:00).
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /** When a delivery due at {@code at} may go out: the end of the quiet period it falls in, or none if none. */
    public Optional<Instant> heldUntil(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean spansMidnight = start.isAfter(end);
        boolean quiet = spansMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.with(end);
        return Optional.of((endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant());
    }
}
