package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.ServiceTest;

/** The expert service running for real (embedded Kafka broker, Mongo wire server), its actors and its events. */
@ServiceTest
abstract class Scenario {

    static EventProbe events;

    @Autowired
    WebTestClient http;

    Actors given;

    @BeforeAll
    static void watchProviderEvents() {
        events = EventProbe.watching(Topics.PROVIDER_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        events.close();
    }

    @BeforeEach
    void actors() {
        given = new Actors(http);
    }

    /** Every record published for the provider so far, raw: no email or phone may be in any of them. */
    static void assertNoContactDataPublishedFor(String providerId) {
        assertThat(events.records(Topics.PROVIDER_EVENTS)).filteredOn(r -> providerId.equals(r.key()))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .doesNotContain(Profiles.EMAIL).doesNotContain(Profiles.PHONE)
                        .doesNotContain("\"email\"").doesNotContain("\"phone\""));
    }
}
