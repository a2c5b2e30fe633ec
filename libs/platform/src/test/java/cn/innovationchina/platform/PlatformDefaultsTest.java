package cn.innovationchina.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

    private static final String KAFKA_BINDINGS = "spring.cloud.stream.kafka.bindings.";

    @Test
    void an_unhurried_binding_lets_the_broker_gather_records_and_the_others_are_answered_at_once() {
        var environment = serviceWith(Map.of("platform.consumer.unhurried", "matchEvents-in-0"));

        assertThat(environment.getProperty(KAFKA_BINDINGS + "matchEvents-in-0.consumer.configuration.fetch.min.bytes"))
                .isEqualTo("262144");
        assertThat(environment.getProperty(
                KAFKA_BINDINGS + "matchEvents-in-0.consumer.configuration.fetch.max.wait.ms")).isEqualTo("1000");
        assertThat(environment.getProperty(
                KAFKA_BINDINGS + "demandEvents-in-0.consumer.configuration.fetch.min.bytes")).isNull();
        assertThat(environment.getProperty(KAFKA_BINDINGS + "matchEvents-in-0.consumer.dlq-name"))
                .isEqualTo("match.events.monitoring-service.dlq");
    }

    @Test
    void an_unhurried_name_that_is_no_input_binding_stops_the_service_at_start_up() {
        assertThatThrownBy(() -> serviceWith(Map.of("platform.consumer.unhurried", "matchEvent-in-0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("matchEvent-in-0, which is not an input binding");
    }

    private static StandardEnvironment serviceWith(Map<String, Object> settings) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", Map.of(
                "spring.application.name", "monitoring-service",
                "spring.cloud.stream.bindings.demandEvents-in-0.destination", "demand.events",
                "spring.cloud.stream.bindings.matchEvents-in-0.destination", "match.events")));
        environment.getPropertySources().addFirst(new MapPropertySource("service", settings));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
