package cn.innovationchina.monitoring.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.RealInfrastructure;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * A demand's way through monitoring costs the same however many cities, demands and providers the facts hold:
 * recording its demand, provider, match and notification events, refreshing its city's live report after each, and
 * its city administrator's report with the attention list read no collection whole, so the Mongo stand-in (like
 * MongoDB) serves each of their queries by {@code _id} or by an index it really uses. A report reads its city's
 * facts by the city's index, however many there are. Not here: the ranking of cities, which reads every city's facts
 * by design (ADR 0017), on a platform administrator's request and on no demand's or city's way.
 */
@ServiceTest
class HotPathsTest {

    private static final Tokens tokens = Tokens.forTests();
    private static final String SEPTEMBER_2024 = "from=2024-09-01&to=2024-09-30&granularity=month";

    @Autowired
    WebTestClient http;

    @Test
    void recording_a_demand_s_events_and_reporting_its_city_live_and_on_request_read_no_collection_whole() {
        Bus.theFirstPilotCitiesAreDesignated();
        LiveReportTest.awaitReadyForLiveReports(http);
        var chongqing = septemberSoFar("CHONGQING");
        chongqing.registers(1, "2024-09-01T01:00:00Z");
        chongqing.registers(2, "2024-09-01T02:00:00Z");
        Bus.awaitHandled(Stream.of(chongqing, septemberSoFar("TIANFU"), septemberSoFar("SHENZHEN"))
                .flatMap(city -> city.sent().stream()).toList());
        var scans = RealInfrastructure.get().mongoScans();
        scans.clear();

        try (var live = new LiveReport(http, "CHONGQING", SEPTEMBER_2024, tokens.cityAdmin("CHONGQING"))) {
            chongqing.submits("N", "2024-09-20T02:00:00Z", "储能电站", "ENERGY.STORAGE");
            chongqing.publishes("N", "2024-09-20T02:00:00Z", "储能电站", "ENERGY.STORAGE");
            chongqing.registers(3, "2024-09-20T03:00:00Z");
            chongqing.proposes("N", "2024-09-20T04:00:00Z", "CHONGQING", "CHONGQING", "CHONGQING");
            chongqing.accepts("N", 3, "2024-09-21T02:00:00Z");
            chongqing.notifies("N", "2024-09-21T03:00:00Z");
            live.awaitFigures(Map.of("demandsPublished", 3, "acceptances", 2, "providersRegistered", 3,
                    "notificationsDelivered", 1));
        }
        http.get().uri("/cities/CHONGQING/report?" + SEPTEMBER_2024)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.cityAdmin("CHONGQING")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total.demandsPublished").isEqualTo(3)
                .jsonPath("$.attention[*].demandId").isEqualTo(List.of("hot-CHONGQING-A", "hot-CHONGQING-B"));

        assertThat(scans.snapshot()).as("collections read whole on a demand's way through monitoring")
                .doesNotContainKeys("monitoring-service.facts", "monitoring-service.pilotCities");
    }

    /** Two demands of the city: A proposed to providers 1 and 2 and accepted by 1, B that nobody qualified for. */
    private static Bus septemberSoFar(String city) {
        var bus = new Bus(city, "hot-" + city);
        bus.submits("A", "2024-09-02T02:00:00Z", "页岩气开采", "ENERGY.OIL_GAS");
        bus.publishes("A", "2024-09-02T02:00:00Z", "页岩气开采", "ENERGY.OIL_GAS");
        bus.proposes("A", "2024-09-02T06:00:00Z", city, "WUHAN");
        bus.invites("A", 1, "2024-09-03T02:00:00Z");
        bus.accepts("A", 1, "2024-09-04T02:00:00Z");
        bus.submits("B", "2024-09-05T02:00:00Z", "储氢材料", "ENERGY.HYDROGEN");
        bus.publishes("B", "2024-09-05T02:00:00Z", "储氢材料", "ENERGY.HYDROGEN");
        bus.proposes("B", "2024-09-05T03:00:00Z");
        return bus;
    }
}
