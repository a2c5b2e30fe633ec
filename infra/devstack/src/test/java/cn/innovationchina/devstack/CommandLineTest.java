package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.innovationchina.devstack.demo.DemoWorld;

/** What {@code devstack up} loads: the demo world unless the developer asks for an empty platform. */
class CommandLineTest {

    @Test
    void a_plain_start_loads_the_whole_demo_world() {
        var demo = CommandLine.parse(new String[] {"."}).demo();

        assertThat(demo).isNotNull();
        assertThat(demo.providers()).isEqualTo(DemoWorld.WORLD_PROVIDERS);
        assertThat(demo.demands()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void an_empty_start_loads_no_world() {
        assertThat(CommandLine.parse(new String[] {".", "--empty"}).demo()).isNull();
    }

    @Test
    void infrastructure_alone_loads_no_world() {
        assertThat(CommandLine.parse(new String[] {".", "--infra-only"}).demo()).isNull();
    }

    @Test
    void the_demo_flag_still_names_the_default_and_a_smaller_world_can_be_asked_for() {
        var demo = CommandLine.parse(new String[] {".", "--demo", "--providers", "20", "--demands", "5"}).demo();

        assertThat(demo).isNotNull();
        assertThat(demo.providers()).isEqualTo(20);
        assertThat(demo.demands()).isEqualTo(5);
    }

    @Test
    void asking_for_the_demo_world_and_for_none_at_once_is_refused() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {".", "--demo", "--empty"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--empty");
    }

    @Test
    void a_start_with_keycloak_as_the_issuer_loads_no_world_since_it_would_sign_with_the_development_key() {
        var command = CommandLine.parse(new String[] {".", "--keycloak"});

        assertThat(command.options().keycloak()).isTrue();
        assertThat(command.demo()).isNull();
        assertThatThrownBy(() -> CommandLine.parse(new String[] {".", "--keycloak", "--demo"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--keycloak");
    }
}
