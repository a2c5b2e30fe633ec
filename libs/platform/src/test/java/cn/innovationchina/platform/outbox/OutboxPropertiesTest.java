package cn.innovationchina.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** An operator sets the relay's lease, batch and send timeout; a combination that cannot hold fails at start-up. */
class OutboxPropertiesTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(OutboxConfiguration.class);

    @Test
    void a_service_that_sets_nothing_gets_a_30_s_lease_a_10_s_send_timeout_and_batches_of_500() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            var outbox = context.getBean(OutboxProperties.class);
            assertThat(outbox.lease()).isEqualTo(Duration.ofSeconds(30));
            assertThat(outbox.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(outbox.batchSize()).isEqualTo(500);
        });
    }

    @Test
    void a_lease_shorter_than_three_send_timeouts_stops_the_service_at_start_up_naming_both_settings() {
        service.withPropertyValues("platform.outbox.lease=20s", "platform.outbox.send-timeout=10s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("platform.outbox.lease (PT20S) must be at least three times")
                    .hasMessageContaining("platform.outbox.send-timeout (PT10S)");
        });
    }

    @Test
    void a_longer_send_timeout_needs_a_longer_lease() {
        service.withPropertyValues("platform.outbox.send-timeout=15s").run(context -> assertThat(context).hasFailed());
        service.withPropertyValues("platform.outbox.send-timeout=15s", "platform.outbox.lease=45s")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void a_send_timeout_of_zero_stops_the_service_at_start_up() {
        service.withPropertyValues("platform.outbox.send-timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("platform.outbox.send-timeout must be positive");
        });
    }

    @Configuration
    @EnableConfigurationProperties(OutboxProperties.class)
    static class OutboxConfiguration {
    }
}
