package cn.innovationchina.monitoring.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.testkit.EventPublisher;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;
import reactor.core.publisher.Mono;

/** The figures depend on the events only: not on how often they were delivered, nor on a rebuilt read model. */
@ServiceTest
class ReplayTest {

    private static final Tokens tokens = Tokens.forTests();

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void the_pilot_cities_are_designated() {
        Bus.theFirstPilotCitiesAreDesignated();
    }

    @Test
    void events_delivered_twice_leave_every_figure_unchanged() {
        var chengdu = june2020("CHENGDU", "dup");
        String before = report("CHENGDU");
        assertThat(before).contains("\"contractValueTotalCny\":650000");

        chengdu.sent().forEach(EventPublisher::publish);
        Bus.awaitHandled(chengdu.sent());

        assertThat(report("CHENGDU")).isEqualTo(before);
    }

    @Test
    void replaying_the_events_into_an_empty_read_model_gives_the_same_figures() {
        var mianyang = june2020("MIANYANG", "rebuild");
        String before = report("MIANYANG");
        assertThat(before).contains("\"contractValueTotalCny\":650000");

        clearReadModel(mianyang.sent());
        assertThat(report("MIANYANG")).contains("\"contractValueTotalCny\":0");
        List<EventEnvelope<?>> replay = new ArrayList<>(mianyang.sent());
        Collections.reverse(replay);
        replay.forEach(EventPublisher::publish);
        Bus.awaitHandled(replay);

        assertThat(report("MIANYANG")).isEqualTo(before);
    }

    /** Two demands of June 2020: one contracted with a provider from another region, one still waiting. */
    private Bus june2020(String city, String prefix) {
        var bus = new Bus(city, prefix);
        bus.submits("A", "2020-06-01T01:00:00Z", "传感器", "IT.ELECTRONIC");
        bus.publishes("A", "2020-06-01T01:00:00Z", "传感器", "IT.ELECTRONIC");
        bus.proposes("A", "2020-06-01T03:00:00Z", city, "SHENZHEN");
        bus.shortlists("A", 2, "2020-06-02T01:00:00Z");
        bus.invites("A", 2, "2020-06-02T02:00:00Z");
        bus.accepts("A", 2, "2020-06-03T01:00:00Z");
        bus.startsDocking("A", 2, "2020-06-04T01:00:00Z");
        bus.signs("A", 2, "2020-06-10T01:00:00Z", 650_000, "SHENZHEN");
        bus.submits("B", "2020-06-05T01:00:00Z", "大数据", "IT.BIGDATA");
        bus.publishes("B", "2020-06-05T01:00:00Z", "大数据", "IT.BIGDATA");
        bus.proposes("B", "2020-06-05T02:00:00Z");
        Bus.awaitHandled(bus.sent());
        return bus;
    }

    /** What the production rebuild does for every city: forget the facts. */
    private void clearReadModel(List<EventEnvelope<?>> events) {
        List<String> ids = events.stream().map(event -> event.eventId().toString()).toList();
        mongo.getCollection("facts").flatMap(c -> Mono.from(c.deleteMany(new Document("_id",
                new Document("$in", ids))))).block();
    }

    private String report(String city) {
        return http.get().uri("/cities/" + city + "/report?from=2020-06-01&to=2020-06-30&granularity=week")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.platformAdmin()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
