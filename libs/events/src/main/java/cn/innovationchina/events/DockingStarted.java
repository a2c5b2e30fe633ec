package cn.innovationchina.events;

import java.time.LocalDate;

/** The two sides met (对接). */
public record DockingStarted(
        String matchId,
        String demandId,
        String providerId,
        String enterpriseId,
        String cityCode,
        LocalDate startedOn) implements MatchEvent {
}
