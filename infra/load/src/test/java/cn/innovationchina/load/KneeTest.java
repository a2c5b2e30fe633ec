package cn.innovationchina.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.innovationchina.load.StepResult.Percentiles;

class KneeTest {

    @Test
    void the_knee_lies_between_the_last_step_that_met_every_target_and_the_first_that_did_not() {
        var ramp = List.of(step(25, 25.0, 0, 120), step(50, 49.8, 0, 310), step(100, 71.0, 0, 4200),
                step(200, 40.0, 3, 9000));

        String knee = StepResult.knee(ramp);

        assertThat(knee).startsWith("Knee between 50/s").contains("and 100/s")
                .contains("achieved 71.0/s of 100/s").contains("inbox p99 4200 ms > 500 ms");
    }

    @Test
    void a_step_with_errors_or_missing_entries_misses_even_when_it_is_fast() {
        var errors = new StepResult(25, 25, 750, 2, Map.of("submit 503", 2L), fast(), fast(), fast(), fast(), 0, 0,
                0, 0, 40, Map.of(), 0);
        var missing = new StepResult(25, 25, 750, 0, Map.of(), fast(), fast(), fast(), fast(), 4, 0, 0, 0, 40,
                Map.of(), 0);

        assertThat(errors.misses()).containsExactly("2 errors {submit 503=2}");
        assertThat(missing.misses()).containsExactly("4 inbox entries missing");
    }

    @Test
    void a_ramp_whose_every_step_met_its_targets_says_the_knee_is_above_it() {
        assertThat(StepResult.knee(List.of(step(25, 25, 0, 80), step(50, 50, 0, 95))))
                .isEqualTo("Every step met every target, up to 50/s: the knee is above it");
    }

    private static StepResult step(int rate, double achieved, long errors, double inboxP99) {
        var inbox = new Percentiles(1000, inboxP99 / 3, inboxP99, inboxP99 * 1.2);
        return new StepResult(rate, achieved, rate * 60L, errors, errors == 0 ? Map.of() : Map.of("submit 503",
                errors), fast(), fast(), inbox, inbox, 0, 0, 0, 0, 50, Map.of(), 0);
    }

    private static Percentiles fast() {
        return new Percentiles(1000, 20, 60, 90);
    }
}
