package cn.innovationchina.monitoring.scenarios;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** A report's range and granularity are checked; a bad one is a 400 naming the parameter. */
@ServiceTest
class ReportParametersTest {

    private static final Tokens tokens = Tokens.forTests();

    @Autowired
    WebTestClient http;

    @Test
    void a_date_that_is_not_a_date_is_refused() {
        refused("from=2021-13-01&to=2021-03-31", "from");
    }

    @Test
    void a_range_ending_before_it_starts_is_refused() {
        refused("from=2021-03-31&to=2021-03-01", "to");
    }

    @Test
    void a_range_longer_than_a_year_is_refused() {
        refused("from=2020-01-01&to=2021-03-01", "to");
    }

    @Test
    void an_unknown_granularity_is_refused() {
        refused("from=2021-03-01&to=2021-03-31&granularity=hour", "granularity");
    }

    @Test
    void an_unknown_city_is_not_found_even_for_a_platform_administrator() {
        http.get().uri("/cities/ATLANTIS/report?from=2021-03-01&to=2021-03-31")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.platformAdmin()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void the_api_is_described_by_openapi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/cities/{cityCode}/report']").exists()
                .jsonPath("$.paths['/cities/ranking']").exists();
    }

    private void refused(String query, String parameter) {
        http.get().uri("/cities/XIANNING/report?" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.cityAdmin("XIANNING")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter);
    }
}
