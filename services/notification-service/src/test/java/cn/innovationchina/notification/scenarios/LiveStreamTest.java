package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;
import reactor.core.publisher.Flux;

/**
 * Server-Sent Events over the real broker: entries arrive live (announced on notification.live), a reconnect resumes,
 * open streams are capped.
 */
@ServiceTest
class LiveStreamTest {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() {
            };
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Tokens TOKENS = Tokens.forTests();

    @Autowired
    WebTestClient http;

    @BeforeEach
    void theInstanceReadsTheLiveAnnouncements() {
        Reader.awaitLiveAnnouncements(http);
    }

    @Test
    void a_connected_provider_receives_its_invitation_live() {
        String provider = "p-" + UUID.randomUUID();
        var stream = connect(TOKENS.expert(provider, Events.CITY), null);
        String demand = "d-" + UUID.randomUUID();

        Events.publish(Events.invited(demand, provider, "e-1"));

        var received = notifications(stream).blockFirst(PATIENCE);
        assertThat(received.event()).isEqualTo("notification");
        assertThat(received.data().get("type")).isEqualTo("PROVIDER_INVITED");
        assertThat(received.id()).isEqualTo(received.data().get("id"));
    }

    @Test
    void a_client_reconnecting_with_the_last_event_id_first_receives_what_it_missed() {
        String provider = "p-" + UUID.randomUUID();
        String token = TOKENS.expert(provider, Events.CITY);
        String demand = "d-" + UUID.randomUUID();
        var first = connect(token, null);
        Events.publish(Events.invited(demand, provider, "e-1"));
        var seen = notifications(first).blockFirst(PATIENCE);

        Events.publish(Events.shortlisted(demand, provider, "e-1"));
        new Reader(http, token).awaitEntry("PROVIDER_SHORTLISTED");
        var resumed = connect(token, seen.id());

        var missed = notifications(resumed).blockFirst(PATIENCE);
        assertThat(missed.data().get("type")).isEqualTo("PROVIDER_SHORTLISTED");
    }

    @Test
    void an_idle_stream_receives_heartbeats() {
        var stream = connect(TOKENS.expert("p-" + UUID.randomUUID(), Events.CITY), null);

        var comments = stream.getResponseBody().take(2).map(ServerSentEvent::comment).collectList().block(PATIENCE);

        assertThat(comments).containsExactly("heartbeat", "heartbeat");
    }

    @Test
    void a_user_opening_more_streams_than_allowed_gets_429() {
        String token = TOKENS.expert("p-" + UUID.randomUUID(), Events.CITY);
        var one = connect(token, null);
        var two = connect(token, null);

        var third = http.get().uri("/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(token)).exchange().returnResult(Void.class).getStatus();

        assertThat(third).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        one.getResponseBody().take(1).blockLast(PATIENCE);
        two.getResponseBody().take(1).blockLast(PATIENCE);
    }

    private FluxExchangeResult<ServerSentEvent<Map<String, Object>>> connect(
            String token, @Nullable String lastEventId) {
        return http.get().uri("/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM).headers(h -> {
            h.setBearerAuth(token);
            if (lastEventId != null) {
                h.set("Last-Event-ID", lastEventId);
            }
        }).exchange().expectStatus().isOk().returnResult(SSE);
    }

    private static Flux<ServerSentEvent<Map<String, Object>>> notifications(
            FluxExchangeResult<ServerSentEvent<Map<String, Object>>> stream) {
        return stream.getResponseBody().filter(event -> event.data() != null);
    }
}
