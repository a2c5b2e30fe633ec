package cn.innovationchina.monitoring.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.PilotCityChanged;
import cn.innovationchina.events.PilotCityDesignated;
import cn.innovationchina.testkit.EventPublisher;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * A pilot city the platform administrator designated a moment ago: monitoring learns of it from demand-service's
 * events alone, and its administrator reads its dashboard and attention list; it is ranked with the others.
 */
@ServiceTest
class NewPilotCityTest {

    private static final Tokens tokens = Tokens.forTests();
    private static final String MAY_2023 = "from=2023-05-01&to=2023-05-31&granularity=month";
    private static final PilotCityDesignated CHANGSHA = new PilotCityDesignated("CHANGSHA", "长沙", "Changsha",
            "430100", 2, true, List.of("changsha-admin"));

    @Autowired
    WebTestClient http;

    @Test
    void a_designated_city_is_reported_to_its_administrator_and_ranked_with_the_others() {
        String changshaAdmin = tokens.mint("CITY_ADMIN", "changsha-admin", Map.of("cityCode", "CHANGSHA"));
        report("CHANGSHA", changshaAdmin).expectStatus().isNotFound();
        var changsha = new Bus("CHANGSHA", "new");
        changsha.submits("A", "2023-05-02T02:00:00Z", "锂电池回收", "ENERGY.STORAGE");
        changsha.publishes("A", "2023-05-02T02:00:00Z", "锂电池回收", "ENERGY.STORAGE");
        Bus.awaitHandled(changsha.sent());

        deliver(Bus.designation(CHANGSHA, 1));

        report("CHANGSHA", changshaAdmin).expectStatus().isOk().expectBody()
                .jsonPath("$.city.nameZh").isEqualTo("长沙")
                .jsonPath("$.total.demandsPublished").isEqualTo(1)
                .jsonPath("$.attention[0].demandId").isEqualTo(changsha.demand("A"));
        http.get().uri("/cities/ranking?from=2023-05-01&to=2023-05-31")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.platformAdmin()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.city.code == 'CHANGSHA')].figures.demandsPublished").isEqualTo(List.of(1))
                .jsonPath("$[?(@.city.code == 'XIANNING')]").exists();
        report("CHANGSHA", tokens.cityAdmin("XIANNING")).expectStatus().isNotFound();
    }

    @Test
    void a_city_without_any_fact_yet_is_ranked_too() {
        var park = new PilotCityDesignated("YUEYANG_PARK", "岳阳园区", "Yueyang park", "430600", 2, false, List.of());

        deliver(Bus.designation(park, 1));

        http.get().uri("/cities/ranking?from=2023-05-01&to=2023-05-31")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.platformAdmin()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.city.code == 'YUEYANG_PARK')].figures.contractsSigned").isEqualTo(List.of(0));
    }

    @Test
    void a_change_renames_the_city_and_a_late_or_repeated_designation_changes_nothing() {
        var designated = new PilotCityDesignated("ZHUZHOU", "株洲", "Zhuzhou", "430200", 2, true, List.of());
        var renamed = new PilotCityChanged("ZHUZHOU", "株洲市", "Zhuzhou City", "430200", 2, false, List.of());
        var first = Bus.designation(designated, 1);

        deliver(first);
        deliver(Bus.designation(renamed, 2));
        deliver(first);
        deliver(Bus.designation(designated, 1));

        report("ZHUZHOU", tokens.platformAdmin()).expectStatus().isOk().expectBody()
                .jsonPath("$.city.nameZh").isEqualTo("株洲市")
                .jsonPath("$.city.reviewRequired").isEqualTo(false);
    }

    private void deliver(EventEnvelope<?> event) {
        EventPublisher.publish(event);
        Bus.awaitHandled(List.of(event));
    }

    private WebTestClient.ResponseSpec report(String city, String token) {
        return http.get().uri("/cities/" + city + "/report?" + MAY_2023)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
