package cn.innovationchina.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A published demand as this service follows it, to tell its enterprise that the deadline nears and its city that
 * nothing moves. {@code lastProgress} is when it was published or, later, when a docking started or a contract was
 * signed on it.
 *
 * <p>Each reminder has a source id computed from what it is about, like an event id: the demand and its deadline for
 * "expiring soon" (a new deadline deserves a new reminder), the demand, its last progress and the number of
 * staleness periods for "stale". The delivery keys built on it make a reminder count once, whichever instance and
 * run finds it due.
 */
public record WatchedDemand(String demandId, String enterpriseId, String cityCode, String title, LocalDate deadline,
        Instant lastProgress) {

    /** The reminder to the enterprise when the deadline is at most {@code daysBefore} days away and not passed. */
    public Optional<Reminder> expiringSoon(LocalDate today, int daysBefore) {
        if (today.isAfter(deadline) || today.isBefore(deadline.minusDays(daysBefore))) {
            return Optional.empty();
        }
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        return Optional.of(new Reminder(source("expiring|" + demandId + "|" + deadline), demandId,
                new Notice(Recipient.enterprise(enterpriseId), NotificationType.DEMAND_EXPIRING_SOON,
                        List.of(new Phrase.Demand(title), new Phrase.Day(deadline), new Phrase.Count(daysLeft)))));
    }

    /** The reminder to the city once per full {@code staleAfter} without progress. */
    public Optional<Reminder> stale(Instant now, Duration staleAfter) {
        long periods = Duration.between(lastProgress, now).toMillis() / staleAfter.toMillis();
        if (periods < 1) {
            return Optional.empty();
        }
        long days = Duration.between(lastProgress, now).toDays();
        return Optional.of(new Reminder(source("stale|" + demandId + "|" + lastProgress + "|" + periods), demandId,
                new Notice(Recipient.city(cityCode), NotificationType.DEMAND_STALE,
                        List.of(new Phrase.Demand(title), new Phrase.Count(days)))));
    }

    private static UUID source(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public record Reminder(UUID sourceId, String demandId, Notice notice) {
    }
}
