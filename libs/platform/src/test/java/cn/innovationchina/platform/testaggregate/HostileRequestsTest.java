package cn.innovationchina.platform.testaggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.EventJson;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * What an attacker sends a service directly: odd tokens, odd paths, odd JSON. Each is refused with a problem
 * document that names what was wrong, and nothing of it is stored.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTest {

    private static final Tokens tokens = Tokens.forTests();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void a_token_without_an_expiry_is_refused() {
        String forever = tokens.withoutExpiry().platformAdmin();
        http.get().uri("/beacons/any").headers(bearer(forever)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_token_from_another_issuer_is_refused_even_when_signed_with_a_trusted_key() {
        String foreign = tokens.issuedBy("https://elsewhere.example/realms/other").platformAdmin();
        http.get().uri("/beacons/any").headers(bearer(foreign)).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/beacons/any").headers(bearer(tokens.platformAdmin())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void a_token_the_trusted_issuer_made_for_another_audience_is_refused() {
        String forAnotherClient = tokens.forAudience("account").platformAdmin();
        http.get().uri("/beacons/any").headers(bearer(forAnotherClient)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_token_whose_subject_or_acting_id_is_blank_or_not_text_is_refused() {
        var odd = List.of(
                tokens.mint("ENTERPRISE", "user-1", Map.of("organisationId", "", "cityCode", "XIANNING")),
                tokens.mint("ENTERPRISE", "user-1", Map.of("organisationId", " ", "cityCode", "XIANNING")),
                tokens.mint("ENTERPRISE", "user-1", Map.of("organisationId", List.of("org-2"), "cityCode", "XIANNING")),
                tokens.mint("CITY_ADMIN", "user-1", Map.of("cityCode", 42)),
                tokens.mint("ENTERPRISE", "", Map.of("organisationId", "org-1", "cityCode", "XIANNING")),
                tokens.mint("ENTERPRISE", null, Map.of("organisationId", "org-1", "cityCode", "XIANNING")));
        for (String token : odd) {
            http.get().uri("/beacons/any").headers(bearer(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/beacons/any").headers(bearer(enterprise())).exchange().expectStatus().isNotFound();
    }

    @Test
    void the_metrics_endpoint_is_for_platform_administrators_while_prometheus_scrapes_without_a_token() {
        http.get().uri("/actuator/metrics").headers(bearer(enterprise())).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/metrics").headers(bearer(tokens.platformAdmin())).exchange()
                .expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void an_encoded_dot_dot_or_nul_in_the_path_is_a_400_problem_naming_the_path() throws Exception {
        for (String path : List.of("/beacons/%2e%2e/secrets", "/beacons/a%00b", "/beacons/a%2F..%2Fb")) {
            var answer = raw("GET", path, enterprise());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(field(answer.body())).as(path).isEqualTo("path");
        }
    }

    @Test
    void a_very_long_id_is_a_414_problem_naming_the_path() throws Exception {
        var answer = raw("GET", "/beacons/" + "x".repeat(6_000), enterprise());
        assertThat(answer.statusCode()).isEqualTo(414);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(field(answer.body())).isEqualTo("path");
    }

    @Test
    void a_number_too_large_for_its_field_is_named() {
        light("{\"title\":\"t\",\"cityCode\":\"XIANNING\",\"brightness\":99999999999999999999}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("brightness");
    }

    @Test
    void a_string_or_a_fraction_is_not_taken_for_a_whole_number() {
        for (String brightness : List.of("\"1\"", "1.5")) {
            light("{\"title\":\"t\",\"cityCode\":\"XIANNING\",\"brightness\":" + brightness + "}")
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("brightness");
        }
    }

    @Test
    void nul_and_bidirectional_override_characters_are_refused_in_any_text_field_and_nothing_is_stored() {
        for (String text : List.of("a\u0000b", "invoice\u202Egpj.exe", "\u2066hidden\u2069", "bell\u0007")) {
            String id = "hostile-" + UUID.randomUUID();
            http.post().uri("/beacons/" + id).headers(bearer(enterprise())).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("title", text, "cityCode", "XIANNING", "brightness", 3))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
            http.get().uri("/beacons/" + id).headers(bearer(enterprise())).exchange().expectStatus().isNotFound();
        }
        http.post().uri("/beacons/" + "hostile-" + UUID.randomUUID()).headers(bearer(enterprise()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "t", "cityCode", "XIANNING", "brightness", 3,
                        "tags", List.of("fine", "not\u202Efine")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tags[1]");
    }

    @Test
    void line_breaks_tabs_and_chinese_text_are_kept() {
        String id = "plain-" + UUID.randomUUID();
        http.post().uri("/beacons/" + id).headers(bearer(enterprise())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "氢能\t储能\n第二行", "cityCode", "XIANNING", "brightness", 3))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void the_service_listens_on_loopback_only_unless_told_otherwise() throws Exception {
        InetAddress outside = NetworkInterface.networkInterfaces()
                .filter(nic -> !isLoopback(nic))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElseThrow(() -> new AssertionError("this test needs a non-loopback interface"));
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
        assertThatThrownBy(() -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside, port), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void a_body_of_valid_json_but_not_an_object_or_no_body_at_all_is_a_400_problem_naming_the_body() {
        for (String body : List.of("false", "[]", "-11", "\"text\"", "{")) {
            light(body).expectStatus().isBadRequest().expectBody(String.class)
                    .value(problem -> assertThat(field(problem)).as(body).isEqualTo("body"));
        }
        http.post().uri("/beacons/empty").headers(bearer(enterprise())).contentType(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isBadRequest().expectBody(String.class)
                .value(problem -> assertThat(field(problem)).isEqualTo("body"));
    }

    @Test
    void a_query_parameter_breaking_its_constraint_is_a_400_problem_naming_the_parameter() {
        http.get().uri("/beacons?near={near}", "x".repeat(21)).headers(bearer(enterprise())).exchange()
                .expectStatus().isBadRequest().expectBody(String.class)
                .value(problem -> assertThat(field(problem)).isEqualTo("near"));
    }

    @Test
    void nul_or_a_bidirectional_override_in_a_query_parameter_is_a_400_problem_naming_the_parameter() throws Exception {
        for (String near : List.of("%00", "a%00b", "%E2%80%AEexe", "%07")) {
            var answer = raw("GET", "/beacons?near=" + near, enterprise());
            assertThat(answer.statusCode()).as(near).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(near)
                    .hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(field(answer.body())).as(near).isEqualTo("near");
        }
        assertThat(raw("GET", "/beacons?near=%E6%B0%A2%20x", enterprise()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_field_sent_twice_in_one_object_is_a_400_problem_naming_it() {
        light("{\"title\":\"t\",\"cityCode\":\"XIANNING\",\"brightness\":3,\"brightness\":4}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(problem -> assertThat(field(problem)).isEqualTo("brightness"));
    }

    @Test
    void the_consumer_lag_metric_does_not_fill_the_log_with_warnings(CapturedOutput logs) throws InterruptedException {
        // The binder measures the lag of each group and topic every second here (application.yml): three rounds.
        Thread.sleep(3_500);
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("spring_cloud_stream_binder_kafka_offset"));
        assertThat(logs.getOut()).doesNotContain("no longer assigned");
    }

    private WebTestClient.ResponseSpec light(String json) {
        return http.post().uri("/beacons/" + "typed-" + UUID.randomUUID()).headers(bearer(enterprise()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** Sent as written: WebTestClient would encode or normalise the path first. */
    private HttpResponse<String> raw(String method, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static String field(String problem) {
        Map<String, Object> body = EventJson.mapper().readValue(problem, Map.class);
        var errors = (List<Map<String, Object>>) body.get("errors");
        return errors == null || errors.isEmpty() ? null : (String) errors.get(0).get("field");
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback() || !nic.isUp();
        } catch (IOException e) {
            return true;
        }
    }

    private static String enterprise() {
        return tokens.enterprise("org-1", "XIANNING");
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
