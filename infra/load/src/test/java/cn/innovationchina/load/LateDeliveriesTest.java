package cn.innovationchina.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LateDeliveriesTest {

    private static final Instant START = Instant.parse("2026-12-06T10:27:33Z");
    private static final long SECOND = 1_000_000_000L;

    @Test
    void the_demands_late_to_the_inbox_are_counted_by_the_second_of_the_step_they_were_answered_in() {
        var step = new Step(24, 60);
        step.startedNanos = 0;
        step.startedAt = START;
        var seen = new Observations();
        answeredThenDelivered(step, seen, "on-time", 2 * SECOND, 120);
        answeredThenDelivered(step, seen, "late-a", 6 * SECOND + 100_000_000, 900);
        answeredThenDelivered(step, seen, "late-b", 6 * SECOND + 700_000_000, 1_400);
        answeredThenDelivered(step, seen, "late-c", 19 * SECOND, 501);

        String line = StepReport.lateDeliveries(step, seen).orElseThrow();

        assertThat(line).contains("later than 500 ms to the inbox: 3 demands")
                .contains("the step begun at 2026-12-06T10:27:33Z").endsWith(": 6 (2) 19 (1)");
    }

    @Test
    void a_step_whose_every_entry_came_in_time_says_nothing() {
        var step = new Step(24, 60);
        step.startedAt = START;
        var seen = new Observations();
        answeredThenDelivered(step, seen, "on-time", SECOND, 500);

        assertThat(StepReport.lateDeliveries(step, seen)).isEmpty();
    }

    private static void answeredThenDelivered(Step step, Observations seen, String demand, long answeredNanos,
            long toInboxMillis) {
        Instant answeredAt = START.plusNanos(answeredNanos);
        step.responses.put(demand, new Step.Response(answeredNanos, answeredNanos, answeredAt));
        seen.delivered.put(demand, new Observations.Delivered(answeredAt.plusMillis(toInboxMillis), 0));
    }
}
