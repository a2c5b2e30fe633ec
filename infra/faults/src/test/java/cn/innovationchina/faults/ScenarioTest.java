package cn.innovationchina.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.faults.Scenario.Kind;

class ScenarioTest {

    @Test
    void kill_services_kills_each_service_in_turn_and_kill_broker_kills_kafka() {
        assertThat(Scenario.of("kill-services")).extracting(Scenario::process).containsExactly("demand-service",
                "expert-service", "matching-service", "notification-service", "monitoring-service", "gateway");
        assertThat(Scenario.of("kill-broker")).containsExactly(new Scenario(Kind.KILL, "kafka"));
    }

    @Test
    void one_service_of_kill_services_may_be_killed_alone() {
        assertThat(Scenario.of("kill-notification-service"))
                .containsExactly(new Scenario(Kind.KILL, "notification-service"));
    }

    @Test
    void every_scenario_of_the_full_run_is_known_and_runs_in_the_order_named() {
        List<Kind> kinds = Arrays.stream(Scenario.ALL.split(",")).flatMap(name -> Scenario.of(name).stream())
                .map(Scenario::kind).distinct().toList();

        assertThat(kinds).containsExactly(Kind.values());
    }

    @Test
    void an_unknown_scenario_or_a_process_that_is_not_a_service_is_refused_naming_the_scenarios() {
        assertThatThrownBy(() -> Scenario.of("kill-mongo")).hasMessageContaining("No scenario kill-mongo")
                .hasMessageContaining(Scenario.ALL);
        assertThatThrownBy(() -> Scenario.of("flood")).hasMessageContaining("No scenario flood");
    }
}
