package cn.innovationchina.monitoring.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.EventPublisher;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * April 2019, contracts signed before matching refused a value above one trillion CNY: Wuhan's two contracts claim a
 * long's maximum beside one of 300,000 CNY, Beijing's one claims five trillion, Shenzhen's is worth the trillion
 * itself. A value beyond the bound is counted nowhere, so no total wraps around and no city leads the ranking by it.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ContractValuesBeyondTheBoundTest {

    private static final Tokens tokens = Tokens.forTests();
    private static final String APRIL = "from=2019-04-01&to=2019-04-30";
    private static boolean played;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void play_april_2019_once() {
        Bus.theFirstPilotCitiesAreDesignated();
        if (played) {
            return;
        }
        var wuhan = new Bus("WUHAN", "beyond");
        wuhan.signs("A", 1, "2019-04-10T02:00:00Z", 300_000, "WUHAN");
        wuhan.signs("B", 1, "2019-04-11T02:00:00Z", Long.MAX_VALUE, "WUHAN");
        wuhan.signs("C", 1, "2019-04-12T02:00:00Z", Long.MAX_VALUE, "WUHAN");
        var beijing = new Bus("BEIJING", "beyond");
        beijing.signs("D", 1, "2019-04-15T02:00:00Z", 5_000_000_000_000L, "BEIJING");
        var shenzhen = new Bus("SHENZHEN", "beyond");
        shenzhen.signs("E", 1, "2019-04-16T02:00:00Z", 1_000_000_000_000L, "SHENZHEN");
        Bus.awaitHandled(wuhan.sent());
        Bus.awaitHandled(beijing.sent());
        Bus.awaitHandled(shenzhen.sent());
        played = true;
    }

    @Test
    void contracts_claiming_more_than_a_trillion_cny_count_as_signed_and_add_nothing_to_the_citys_value() {
        http.get().uri("/cities/WUHAN/report?" + APRIL)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.cityAdmin("WUHAN")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total.contractsSigned").isEqualTo(3)
                .jsonPath("$.total.contractValueTotalCny").isEqualTo(300_000)
                .jsonPath("$.total.medianContractValueCny").isEqualTo(300_000.0);
    }

    @Test
    void a_contract_claiming_more_than_a_trillion_cny_does_not_put_its_city_first() {
        http.get().uri("/cities/ranking?" + APRIL)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.platformAdmin()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].city.code").isEqualTo("SHENZHEN")
                .jsonPath("$[0].figures.contractValueTotalCny").isEqualTo(1_000_000_000_000L)
                .jsonPath("$[1].city.code").isEqualTo("WUHAN")
                .jsonPath("$[2].city.code").isEqualTo("BEIJING")
                .jsonPath("$[2].figures.contractValueTotalCny").isEqualTo(0);
    }

    @Test
    void a_contract_claiming_more_than_a_trillion_cny_is_warned_of_once_however_often_it_is_delivered(
            CapturedOutput output) {
        var beijing = new Bus("BEIJING", "warned");
        beijing.signs("F", 1, "2019-05-10T02:00:00Z", Long.MAX_VALUE, "BEIJING");
        Bus.awaitHandled(beijing.sent());

        beijing.sent().forEach(EventPublisher::publish);
        Bus.awaitHandled(beijing.sent());

        String eventId = beijing.sent().get(0).eventId().toString();
        assertThat(output.getAll().lines().filter(line -> line.contains("WARN") && line.contains(eventId)))
                .hasSize(1).first().asString().contains("warned-F", String.valueOf(Long.MAX_VALUE));
    }
}
