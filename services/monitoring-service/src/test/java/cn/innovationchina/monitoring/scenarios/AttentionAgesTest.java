package cn.innovationchina.monitoring.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * A report whose period has not ended yet tells the age of a demand as of today, not as of the period's end: in its
 * total and in each of its periods alike.
 */
@ServiceTest
class AttentionAgesTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    WebTestClient http;

    @BeforeEach
    void the_pilot_cities_are_designated() {
        Bus.theFirstPilotCitiesAreDesignated();
    }

    @Test
    void a_demand_published_minutes_ago_is_a_day_old_at_most_in_a_period_ending_weeks_from_now() {
        var panzhihua = new Bus("PANZHIHUA", "age");
        String minutesAgo = Instant.now().minusSeconds(300).toString();
        panzhihua.submits("fresh", minutesAgo, "钒钛新材料", "MATERIALS.STRUCTURAL_FUNCTIONAL");
        panzhihua.publishes("fresh", minutesAgo, "钒钛新材料", "MATERIALS.STRUCTURAL_FUNCTIONAL");
        panzhihua.proposes("fresh", minutesAgo);
        Bus.awaitHandled(panzhihua.sent());

        LocalDate today = LocalDate.now(CHINA);
        String range = "from=" + today.minusDays(3) + "&to=" + today.plusDays(25);
        http.get().uri("/cities/PANZHIHUA/report?" + range)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.forTests().cityAdmin("PANZHIHUA"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.attention.length()").isEqualTo(1)
                .jsonPath("$.attention[0].demandId").isEqualTo("age-fresh")
                .jsonPath("$.attention[0].ageInDays")
                .value(age -> assertThat(((Number) age).longValue()).isBetween(0L, 1L))
                .jsonPath("$.attention[0].reasons").isEqualTo(List.of("NO_QUALIFIED_MATCH"))
                .jsonPath("$.total.openDemandsByAge['0-7']").isEqualTo(1);
    }

    @Test
    void a_demand_published_minutes_ago_is_as_young_in_every_months_figures_as_in_the_total() {
        var wuhan = new Bus("WUHAN", "asof");
        String minutesAgo = Instant.now().minusSeconds(300).toString();
        wuhan.submits("fresh", minutesAgo, "光纤传感", "IT.ELECTRONIC");
        wuhan.publishes("fresh", minutesAgo, "光纤传感", "IT.ELECTRONIC");
        Bus.awaitHandled(wuhan.sent());

        // This month and the next: neither has ended, and the next has not even begun.
        LocalDate firstOfTheMonth = LocalDate.now(CHINA).withDayOfMonth(1);
        String range = "from=" + firstOfTheMonth + "&to=" + firstOfTheMonth.plusMonths(2).minusDays(1)
                + "&granularity=month";
        http.get().uri("/cities/WUHAN/report?" + range)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.forTests().cityAdmin("WUHAN"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total.openDemandsByAge['0-7']").isEqualTo(1)
                .jsonPath("$.periods.length()").isEqualTo(2)
                .jsonPath("$.periods[0].figures.openDemandsByAge['0-7']").isEqualTo(1)
                .jsonPath("$.periods[1].figures.openDemandsByAge['0-7']").isEqualTo(1);
    }

    @Test
    void a_demand_published_minutes_ago_is_as_young_in_the_ranking_of_cities_for_a_month_not_yet_over() {
        var beijing = new Bus("BEIJING", "ranked");
        String minutesAgo = Instant.now().minusSeconds(300).toString();
        beijing.submits("fresh", minutesAgo, "量子通信", "IT.ELECTRONIC");
        beijing.publishes("fresh", minutesAgo, "量子通信", "IT.ELECTRONIC");
        Bus.awaitHandled(beijing.sent());

        LocalDate firstOfTheMonth = LocalDate.now(CHINA).withDayOfMonth(1);
        String range = "from=" + firstOfTheMonth + "&to=" + firstOfTheMonth.plusMonths(2).minusDays(1);
        http.get().uri("/cities/ranking?" + range)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.forTests().platformAdmin())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.city.code == 'BEIJING')].figures.openDemandsByAge['0-7']").isEqualTo(List.of(1));
    }
}
