package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Topics;
import cn.innovationchina.notification.NotificationServiceApplication;
import cn.innovationchina.testkit.AnotherInstance;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;
import reactor.core.publisher.Flux;

/**
 * Two instances share the event partitions, so each stores some of a provider's entries; the provider's browser may
 * be connected to either, and its live stream carries every entry all the same (ADR 0030).
 */
@ServiceTest
class LiveAcrossInstancesTest {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {
            };
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Tokens TOKENS = Tokens.forTests();

    static AnotherInstance second;

    @Autowired
    WebTestClient http;

    /** Takes the first instance's client as a parameter so it is up before the second joins. */
    @BeforeAll
    static void startSecondInstance(@Autowired WebTestClient first) {
        second = AnotherInstance.of(NotificationServiceApplication.class);
        AnotherInstance.awaitPartitionsSharedBy(2, "notification-service", Topics.MATCH_EVENTS);
        Reader.awaitLiveAnnouncements(first);
        Reader.awaitLiveAnnouncements(client(second));
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void a_provider_connected_to_either_instance_receives_every_invitation_live() {
        String provider = "p-" + UUID.randomUUID();
        String token = TOKENS.expert(provider, Events.CITY);
        var atFirst = notifications(http, token);
        var atSecond = notifications(client(second), token);
        List<String> demands = AnotherInstance.oneKeyPerPartition(provider);

        demands.forEach(demand -> Events.publish(Events.invited(demand, provider, "e-1")));

        var invitations = new Reader(http, token);
        Eventually.awaitState("every invitation stored", () -> invitations.entriesWith("PROVIDER_INVITED"),
                stored -> stored.size() == demands.size());
        Set<Object> stored = invitations.entriesWith("PROVIDER_INVITED").stream().map(entry -> entry.get("id"))
                .collect(Collectors.toSet());
        for (var stream : List.of(atFirst, atSecond)) {
            List<Object> streamed = stream.take(demands.size()).map(entry -> entry.data().get("id"))
                    .collectList().block(PATIENCE);
            assertThat(streamed).as("the stream's entries").containsExactlyInAnyOrderElementsOf(stored);
        }
    }

    private static WebTestClient client(AnotherInstance instance) {
        return WebTestClient.bindToServer().baseUrl(instance.url()).responseTimeout(PATIENCE).build();
    }

    private static Flux<ServerSentEvent<Map<String, Object>>> notifications(WebTestClient instance, String token) {
        return instance.get().uri("/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().returnResult(SSE)
                .getResponseBody().filter(event -> event.data() != null);
    }
}
