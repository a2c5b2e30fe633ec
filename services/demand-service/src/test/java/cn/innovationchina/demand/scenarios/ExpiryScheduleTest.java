package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.testkit.ServiceTest;

/** The expiry job is not only callable: the service runs it on its own schedule. */
@ServiceTest
@TestPropertySource(properties = "demand.expiry-interval=PT1S")
class ExpiryScheduleTest extends DemandScenario {

    @Test
    void a_demand_past_its_deadline_expires_without_anyone_calling_the_job() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise,
                Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline", LocalDate.now().plusDays(2).toString()));

        clock.advance(Duration.ofDays(4));

        events().expect(DemandExpired.class, demand.id()).exactlyOnce();
        assertThat(enterprise.reads(demand).ok().text("status")).isEqualTo("EXPIRED");
    }
}
