package cn.innovationchina.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void a_verdict_names_its_scenario_whether_the_promise_was_kept_the_promise_and_its_findings() {
        var broken = new Verdict("rewind", "no new effect anywhere", false,
                List.of("12000 events read again", "inbox entries: 5 before, 6 after"));

        assertThat(broken.text()).isEqualTo("""
                rewind                     BROKEN
                    promise: no new effect anywhere
                    12000 events read again
                    inbox entries: 5 before, 6 after
                """);
        assertThat(new Verdict("kill-kafka", "p", true, List.of()).text()).startsWith("kill-kafka").contains("KEPT");
    }
}
