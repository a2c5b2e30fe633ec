package cn.innovationchina.monitoring.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;
import reactor.core.scheduler.Schedulers;

/** An administrator following the live report sees the figures change as the city's events arrive. */
@ServiceTest
class LiveReportTest {

    private static final Tokens tokens = Tokens.forTests();
    private static final String MAY_2022 = "from=2022-05-01&to=2022-05-31&granularity=month";

    @Autowired
    WebTestClient http;

    @BeforeEach
    void the_pilot_cities_are_designated() {
        Bus.theFirstPilotCitiesAreDesignated();
        awaitReadyForLiveReports(http);
    }

    @Test
    void a_new_event_of_the_city_pushes_updated_figures() {
        var nanning = new Bus("NANNING", "live");
        var published = new AtomicBoolean();

        List<String> reports = live("NANNING", tokens.cityAdmin("NANNING")).expectStatus().isOk()
                .returnResult(String.class).getResponseBody()
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(report -> {
                    if (published.compareAndSet(false, true)) {
                        nanning.publishes("A", "2022-05-10T02:00:00Z", "海洋牧场", "AGRI.MARINE");
                    }
                })
                .take(2).collectList().block(Duration.ofSeconds(30));

        assertThat(reports.get(0)).contains("\"demandsPublished\":0").doesNotContain("\"demandsPublished\":1");
        assertThat(reports.get(1)).contains("\"demandsPublished\":1");
    }

    @Test
    void a_city_administrator_cannot_follow_another_city() {
        live("NANNING", tokens.cityAdmin("XIANNING")).expectStatus().isNotFound();
    }

    @Test
    void an_administrator_holds_five_live_reports_at_most_and_one_more_once_one_is_closed() {
        String admin = tokens.cityAdmin("NANNING");
        List<LiveReport> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(new LiveReport(http, "NANNING", MAY_2022, admin));
            }
            live("NANNING", admin).expectStatus().isEqualTo(429)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            live("NANNING", tokens.cityAdmin("XIANNING")).expectStatus().isNotFound();

            open.remove(0).close();
            Eventually.awaitState("room for one more live report", () -> {
                var answer = live("NANNING", admin).returnResult(String.class);
                answer.getResponseBody().subscribe().dispose();
                return answer.getStatus().value();
            }, status -> status == 200);
        } finally {
            open.forEach(LiveReport::close);
        }
    }

    /** An instance is ready once it reads the facts every instance announces (ADR 0048). */
    static void awaitReadyForLiveReports(WebTestClient instance) {
        Eventually.awaitState("the instance ready for live reports", () -> instance.get()
                .uri("/actuator/health/readiness").exchange().returnResult(Void.class).getStatus().value(),
                status -> status == 200);
    }

    private WebTestClient.ResponseSpec live(String city, String token) {
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build().get()
                .uri("/cities/" + city + "/report/live?" + MAY_2022)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange();
    }
}
