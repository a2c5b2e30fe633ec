package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.notification.application.DemandReminders;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.TestClock;
import cn.innovationchina.testkit.Tokens;

/** Reminders from the service's own view of published demands, once however often the daily job runs. */
@ServiceTest
class DemandRemindersTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @Autowired
    WebTestClient http;
    @Autowired
    DemandReminders reminders;
    @Autowired
    TestClock clock;

    @Test
    void the_enterprise_hears_once_that_its_demand_expires_in_two_days() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        String title = "电堆 " + UUID.randomUUID();
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        Events.publish(Events.published("d-" + UUID.randomUUID(), enterprise, title, today.plusDays(2),
                clock.instant()));
        reader.awaitEntry("DEMAND_PUBLISHED");

        reminders.remind().block();
        reminders.remind().block();

        assertThat(reader.entriesWith("DEMAND_EXPIRING_SOON")).singleElement()
                .satisfies(e -> assertThat(e.get("body").toString()).contains(title, "2 天"));
    }

    @Test
    void the_city_hears_once_of_a_demand_without_docking_for_a_fortnight() {
        var city = new Reader(http, TOKENS.cityAdmin(Events.CITY));
        String enterprise = "e-" + UUID.randomUUID();
        String demand = "d-" + UUID.randomUUID();
        Instant fifteenDaysAgo = clock.instant().minus(Duration.ofDays(15));
        Events.publish(Events.published(demand, enterprise, "Stale " + demand, LocalDate.now().plusMonths(3),
                fifteenDaysAgo));
        new Reader(http, TOKENS.enterprise(enterprise, Events.CITY)).awaitEntry("DEMAND_PUBLISHED");

        reminders.remind().block();
        reminders.remind().block();

        assertThat(city.entriesWith(demand)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("type", "DEMAND_STALE"));
    }

    @Test
    void a_docking_keeps_a_demand_from_being_stale() {
        var city = new Reader(http, TOKENS.cityAdmin(Events.CITY));
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        String demand = "d-" + UUID.randomUUID();
        Events.publish(Events.published(demand, enterprise, "Moving " + demand, LocalDate.now().plusMonths(3),
                clock.instant().minus(Duration.ofDays(15))));
        reader.awaitEntry("DEMAND_PUBLISHED");
        Events.publish(Events.dockingStarted(demand, "p-1", enterprise));
        // Same demand, so the same partition of match.events: once this is in, the docking was handled.
        Events.publish(Events.proposed(demand, enterprise, "王教授"));
        reader.awaitEntry("MATCHES_PROPOSED");

        reminders.remind().block();

        assertThat(city.entriesWith(demand)).isEmpty();
    }
}
