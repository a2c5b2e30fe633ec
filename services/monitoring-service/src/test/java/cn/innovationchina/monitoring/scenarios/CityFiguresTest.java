package cn.innovationchina.monitoring.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * March 2021 in two pilot cities, Xianning (Middle Yangtze) and Quanzhou (West Strait), played on the bus once;
 * every expected figure is counted by hand from the events below.
 */
@ServiceTest
class CityFiguresTest {

    private static final Tokens tokens = Tokens.forTests();
    private static final String MARCH = "from=2021-03-01&to=2021-03-31";
    private static boolean played;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void play_march_2021_once() {
        Bus.theFirstPilotCitiesAreDesignated();
        if (played) {
            return;
        }
        var xianning = new Bus("XIANNING", "fig");
        // A: published, proposed (one provider from Beijing: another region), shortlisted, two invitations, one
        // accepted, docking, a contract with the Beijing provider, closed.
        xianning.submits("A", "2021-03-01T02:00:00Z", "机器视觉检测", "IT.AI", "IT.ROBOTICS");
        xianning.publishes("A", "2021-03-01T02:00:00Z", "机器视觉检测", "IT.AI", "IT.ROBOTICS");
        xianning.proposes("A", "2021-03-01T06:00:00Z", "XIANNING", "WUHAN", "BEIJING");
        xianning.shortlists("A", 3, "2021-03-02T02:00:00Z");
        xianning.invites("A", 1, "2021-03-02T03:00:00Z");
        xianning.invites("A", 3, "2021-03-02T03:30:00Z");
        xianning.accepts("A", 3, "2021-03-03T02:00:00Z");
        xianning.declines("A", 1, "2021-03-03T04:00:00Z");
        xianning.startsDocking("A", 3, "2021-03-05T02:00:00Z");
        xianning.signs("A", 3, "2021-03-10T02:00:00Z", 500_000, "BEIJING");
        xianning.closes("A", "2021-03-10T03:00:00Z");
        // B: published at 01:30 on 5 March in China (still 4 March in UTC); its events arrive newest first.
        xianning.signs("B", 2, "2021-03-20T02:00:00Z", 300_000, "WUHAN");
        xianning.startsDocking("B", 2, "2021-03-07T17:30:00Z");
        xianning.accepts("B", 2, "2021-03-06T05:30:00Z");
        xianning.invites("B", 2, "2021-03-06T01:00:00Z");
        xianning.proposes("B", "2021-03-04T19:30:00Z", "XIANNING", "WUHAN");
        xianning.publishes("B", "2021-03-04T17:30:00Z", "电池回收", "IT.AI");
        xianning.submits("B", "2021-03-04T17:30:00Z", "电池回收", "IT.AI");
        // C: nobody qualified.
        xianning.submits("C", "2021-03-02T02:00:00Z", "储氢材料", "ENERGY.HYDROGEN");
        xianning.publishes("C", "2021-03-02T02:00:00Z", "储氢材料", "ENERGY.HYDROGEN");
        xianning.proposes("C", "2021-03-02T03:00:00Z");
        // D: rejected by the city.
        xianning.submits("D", "2021-03-03T02:00:00Z", "不完整的需求", "IT.AI");
        xianning.rejects("D", "2021-03-03T05:00:00Z");
        // E: published six days before the end of the month, one provider from Guangzhou (another region).
        xianning.submits("E", "2021-03-25T02:00:00Z", "焊接机器人", "IT.ROBOTICS");
        xianning.publishes("E", "2021-03-25T02:00:00Z", "焊接机器人", "IT.ROBOTICS");
        xianning.proposes("E", "2021-03-25T12:00:00Z", "GUANGZHOU");
        // F: published in February, expired in March.
        xianning.publishes("F", "2021-02-10T02:00:00Z", "旧需求", "IT.BIGDATA");
        xianning.expires("F", "2021-03-15T02:00:00Z");
        // G: published in January, shortlisted and accepted then, still open.
        xianning.publishes("G", "2021-01-05T02:00:00Z", "数据平台", "IT.BIGDATA");
        xianning.shortlists("G", 1, "2021-01-06T02:00:00Z");
        xianning.invites("G", 1, "2021-01-07T02:00:00Z");
        xianning.accepts("G", 1, "2021-01-08T02:00:00Z");

        var quanzhou = new Bus("QUANZHOU", "fig");
        quanzhou.submits("Q", "2021-03-08T00:00:00Z", "药物筛选", "BIO.PHARMA");
        quanzhou.publishes("Q", "2021-03-08T00:00:00Z", "药物筛选", "BIO.PHARMA");
        quanzhou.proposes("Q", "2021-03-08T08:00:00Z", "QUANZHOU", "XIANNING");
        quanzhou.shortlists("Q", 2, "2021-03-09T00:00:00Z");
        quanzhou.invites("Q", 2, "2021-03-09T01:00:00Z");
        quanzhou.accepts("Q", 2, "2021-03-10T00:00:00Z");
        quanzhou.startsDocking("Q", 2, "2021-03-11T00:00:00Z");
        quanzhou.signs("Q", 2, "2021-03-12T00:00:00Z", 1_200_000, "XIANNING");

        Bus.awaitHandled(xianning.sent());
        Bus.awaitHandled(quanzhou.sent());
        played = true;
    }

    @Test
    void a_city_administrator_reads_its_demand_figures_for_a_month() {
        report("XIANNING", MARCH, tokens.cityAdmin("XIANNING")).expectStatus().isOk().expectBody()
                .jsonPath("$.city.code").isEqualTo("XIANNING")
                .jsonPath("$.total.demandsSubmitted").isEqualTo(5)
                .jsonPath("$.total.demandsPublished").isEqualTo(4)
                .jsonPath("$.total.demandsRejected").isEqualTo(1)
                .jsonPath("$.total.demandsClosed").isEqualTo(1)
                .jsonPath("$.total.demandsExpired").isEqualTo(1)
                .jsonPath("$.total.demandsWithdrawn").isEqualTo(0)
                .jsonPath("$.total.openDemandsByAge['0-7']").isEqualTo(1)
                .jsonPath("$.total.openDemandsByAge['8-30']").isEqualTo(2)
                .jsonPath("$.total.openDemandsByAge['31-90']").isEqualTo(1)
                .jsonPath("$.total.openDemandsByAge['91+']").isEqualTo(0);
    }

    @Test
    void a_city_administrator_reads_its_matching_figures_for_a_month() {
        report("XIANNING", MARCH, tokens.cityAdmin("XIANNING")).expectStatus().isOk().expectBody()
                .jsonPath("$.total.proposals").isEqualTo(6)
                .jsonPath("$.total.shortlists").isEqualTo(1)
                .jsonPath("$.total.invitations").isEqualTo(3)
                .jsonPath("$.total.acceptances").isEqualTo(2)
                .jsonPath("$.total.acceptanceRate").value(rate -> assertThat((Double) rate)
                        .isCloseTo(2.0 / 3, offset(1e-9)))
                .jsonPath("$.total.dockings").isEqualTo(2)
                .jsonPath("$.total.contractsSigned").isEqualTo(2)
                .jsonPath("$.total.contractValueTotalCny").isEqualTo(800_000)
                .jsonPath("$.total.medianContractValueCny").isEqualTo(400_000.0)
                .jsonPath("$.total.medianHoursToFirstProposal").isEqualTo(4.0)
                .jsonPath("$.total.medianHoursToFirstAcceptance").isEqualTo(42.0)
                .jsonPath("$.total.medianHoursToDocking").isEqualTo(84.0)
                .jsonPath("$.total.crossRegionProposals").isEqualTo(2)
                .jsonPath("$.total.crossRegionContracts").isEqualTo(1);
    }

    @Test
    void top_fields_rank_by_demands_published_and_by_contract_value() {
        report("XIANNING", MARCH, tokens.cityAdmin("XIANNING")).expectStatus().isOk().expectBody()
                .jsonPath("$.total.topFieldsByDemands[*].fieldCode")
                .isEqualTo(Arrays.asList("IT.AI", "IT.ROBOTICS", "ENERGY.HYDROGEN"))
                .jsonPath("$.total.topFieldsByDemands[*].value").isEqualTo(Arrays.asList(2, 2, 1))
                .jsonPath("$.total.topFieldsByContractValue[*].fieldCode")
                .isEqualTo(Arrays.asList("IT.AI", "IT.ROBOTICS"))
                .jsonPath("$.total.topFieldsByContractValue[*].value").isEqualTo(Arrays.asList(800_000, 500_000));
    }

    @Test
    void another_city_has_its_own_figures() {
        report("QUANZHOU", MARCH, tokens.cityAdmin("QUANZHOU")).expectStatus().isOk().expectBody()
                .jsonPath("$.total.demandsSubmitted").isEqualTo(1)
                .jsonPath("$.total.demandsPublished").isEqualTo(1)
                .jsonPath("$.total.proposals").isEqualTo(2)
                .jsonPath("$.total.acceptanceRate").isEqualTo(1.0)
                .jsonPath("$.total.contractValueTotalCny").isEqualTo(1_200_000)
                .jsonPath("$.total.medianContractValueCny").isEqualTo(1_200_000.0)
                .jsonPath("$.total.medianHoursToFirstProposal").isEqualTo(8.0)
                .jsonPath("$.total.medianHoursToFirstAcceptance").isEqualTo(48.0)
                .jsonPath("$.total.medianHoursToDocking").isEqualTo(72.0)
                .jsonPath("$.total.crossRegionProposals").isEqualTo(1)
                .jsonPath("$.total.crossRegionContracts").isEqualTo(1)
                .jsonPath("$.total.openDemandsByAge['8-30']").isEqualTo(1)
                .jsonPath("$.attention.length()").isEqualTo(0);
    }

    @Test
    void an_event_counts_on_its_day_in_china_even_when_it_arrived_late() {
        report("XIANNING", "from=2021-03-04&to=2021-03-05&granularity=day", tokens.cityAdmin("XIANNING"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.periods[0].start").isEqualTo("2021-03-04")
                .jsonPath("$.periods[0].figures.demandsPublished").isEqualTo(0)
                .jsonPath("$.periods[1].start").isEqualTo("2021-03-05")
                .jsonPath("$.periods[1].figures.demandsPublished").isEqualTo(1)
                .jsonPath("$.periods[1].figures.proposals").isEqualTo(2);
    }

    @Test
    void weeks_run_monday_to_sunday_and_months_are_calendar_months() {
        report("XIANNING", MARCH + "&granularity=week", tokens.cityAdmin("XIANNING")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.periods.length()").isEqualTo(5)
                .jsonPath("$.periods[0].end").isEqualTo("2021-03-07")
                .jsonPath("$.periods[0].figures.demandsPublished").isEqualTo(3)
                .jsonPath("$.periods[3].figures.demandsPublished").isEqualTo(1)
                .jsonPath("$.periods[4].start").isEqualTo("2021-03-29")
                .jsonPath("$.periods[4].end").isEqualTo("2021-03-31");
        report("XIANNING", "from=2021-02-01&to=2021-03-31&granularity=month", tokens.cityAdmin("XIANNING"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.periods.length()").isEqualTo(2)
                .jsonPath("$.periods[0].figures.demandsPublished").isEqualTo(1)
                .jsonPath("$.periods[1].figures.demandsPublished").isEqualTo(4);
    }

    @Test
    void the_attention_list_names_demands_without_a_qualified_match_or_progress_after_fourteen_days() {
        report("XIANNING", MARCH, tokens.cityAdmin("XIANNING")).expectStatus().isOk().expectBody()
                .jsonPath("$.attention.length()").isEqualTo(2)
                .jsonPath("$.attention[0].demandId").isEqualTo("fig-C")
                .jsonPath("$.attention[0].title").isEqualTo("储氢材料")
                .jsonPath("$.attention[0].ageInDays").isEqualTo(29)
                .jsonPath("$.attention[0].reasons")
                .isEqualTo(Arrays.asList("NO_QUALIFIED_MATCH", "NO_SHORTLIST", "NO_ACCEPTANCE"))
                .jsonPath("$.attention[0].links.matches").isEqualTo("/demands/fig-C/matches")
                .jsonPath("$.attention[1].demandId").isEqualTo("fig-B")
                .jsonPath("$.attention[1].publishedOn").isEqualTo("2021-03-05")
                .jsonPath("$.attention[1].reasons").isEqualTo(Arrays.asList("NO_SHORTLIST"));
    }

    @Test
    void a_city_administrator_cannot_see_another_city() {
        report("QUANZHOU", MARCH, tokens.cityAdmin("XIANNING")).expectStatus().isNotFound();
    }

    @Test
    void a_platform_administrator_reads_any_city() {
        report("QUANZHOU", MARCH, tokens.platformAdmin()).expectStatus().isOk().expectBody()
                .jsonPath("$.total.contractsSigned").isEqualTo(1);
    }

    @Test
    void an_enterprise_cannot_read_its_city_report() {
        report("XIANNING", MARCH, tokens.enterprise("e-1", "XIANNING")).expectStatus().isForbidden();
    }

    @Test
    void a_platform_administrator_ranks_cities_by_contract_value() {
        http.get().uri("/cities/ranking?" + MARCH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.platformAdmin())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].rank").isEqualTo(1)
                .jsonPath("$[0].city.code").isEqualTo("QUANZHOU")
                .jsonPath("$[0].figures.contractValueTotalCny").isEqualTo(1_200_000)
                .jsonPath("$[1].city.code").isEqualTo("XIANNING")
                .jsonPath("$[1].figures.contractValueTotalCny").isEqualTo(800_000);
    }

    @Test
    void a_city_administrator_gets_no_ranking() {
        http.get().uri("/cities/ranking?" + MARCH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.cityAdmin("XIANNING"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void the_csv_export_starts_with_a_byte_order_mark_and_holds_a_row_per_period_and_the_total() {
        byte[] body = http.get().uri("/cities/XIANNING/report.csv?" + MARCH + "&granularity=month")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.cityAdmin("XIANNING"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("row,city,city_name,period_start,period_end,demands_submitted");
        assertThat(lines[2]).isEqualTo("total,XIANNING,咸宁,2021-03-01,2021-03-31,5,4,1,1,1,0,6,1,3,2,"
                + "0.6666666666666666,2,2,800000,400000,4,42,84,2,1");
    }

    @Test
    void a_city_administrator_cannot_export_another_city() {
        http.get().uri("/cities/QUANZHOU/report.csv?" + MARCH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.cityAdmin("XIANNING"))
                .exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec report(String city, String query, String token) {
        return http.get().uri("/cities/" + city + "/report?" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
