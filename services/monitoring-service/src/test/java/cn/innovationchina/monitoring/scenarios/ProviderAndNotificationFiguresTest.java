package cn.innovationchina.monitoring.scenarios;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.Channel;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.NotificationDelivered;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.events.ProviderVerified;
import cn.innovationchina.testkit.EventPublisher;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * Jiaxing in July 2022: jx-p1 verified and never proposed (idle), jx-p2 unverified, jx-p3 with capacity 1 proposed
 * and engaged once (overloaded); one notification delivered.
 */
@ServiceTest
class ProviderAndNotificationFiguresTest {

    private static final Tokens tokens = Tokens.forTests();

    @Autowired
    WebTestClient http;

    @Test
    void providers_and_notifications_of_the_city_are_counted_and_overloaded_and_idle_providers_named() {
        Bus.theFirstPilotCitiesAreDesignated();
        var sent = List.of(
                publish(new ProviderRegistered("jx-p1", profile(3, false)), "jx-p1", "2022-07-04T02:00:00Z"),
                publish(new ProviderRegistered("jx-p2", profile(3, false)), "jx-p2", "2022-07-05T02:00:00Z"),
                publish(new ProviderRegistered("jx-p3", profile(1, true)), "jx-p3", "2022-07-05T03:00:00Z"),
                publish(new ProviderVerified("jx-p1", "admin"), "jx-p1", "2022-07-06T02:00:00Z"),
                publish(new MatchesProposed("jx-d1", null, "e-1", "JIAXING", MatchTrigger.DEMAND_PUBLISHED,
                        List.of(new Proposal("jx-d1-m3", "jx-p3", "Provider 3", ProviderKind.INSTITUTE, "JIAXING", "330400", 1,
                                0.9, new MatchExplanation(List.of(), List.of(), LocationRelation.SAME_CITY, 1, "fit"))),
                        null), "jx-d1", "2022-07-10T02:00:00Z"),
                publish(new InvitationAccepted("jx-d1-m3", "jx-d1", "jx-p3", "e-1", "JIAXING"), "jx-d1",
                        "2022-07-12T02:00:00Z"),
                publish(new NotificationDelivered("jx-n1", "jx-p1", Channel.INBOX, "PROVIDER_VERIFIED", "source", 1),
                        "jx-n1", "2022-07-06T03:00:00Z"));
        Bus.awaitHandled(sent);

        http.get().uri("/cities/JIAXING/report?from=2022-07-01&to=2022-07-31")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.cityAdmin("JIAXING")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total.providersRegistered").isEqualTo(3)
                .jsonPath("$.total.providersVerified").isEqualTo(1)
                .jsonPath("$.total.notificationsDelivered").isEqualTo(1)
                .jsonPath("$.total.notificationsFailed").isEqualTo(0)
                .jsonPath("$.providers.overloaded").isEqualTo(List.of("jx-p3"))
                .jsonPath("$.providers.idle").isEqualTo(List.of("jx-p1"));
    }

    private static EventEnvelope<?> publish(DomainEvent event, String aggregateId, String at) {
        var envelope = EventEnvelope.wrap(event, aggregateId, 1, "JIAXING",
                new EventEnvelope.Tracing("test-" + aggregateId, null), "a-test", Instant.parse(at));
        EventPublisher.publish(envelope);
        return envelope;
    }

    private static ProviderProfile profile(int capacity, boolean verified) {
        return new ProviderProfile("嘉兴研究院", ProviderKind.INSTITUTE, null, null, null, List.of("IT.AI"),
                List.of("vision"), List.of("vision"), "summary", List.of(), List.of(CooperationMode.JOINT_RND),
                "JIAXING", "330400", List.of("EAST_COAST"), List.of("zh"), capacity, Availability.AVAILABLE, null,
                List.of(), null, verified);
    }
}
