package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Channel;
import cn.innovationchina.events.NotificationFailed;
import cn.innovationchina.events.Topics;
import cn.innovationchina.notification.application.Webhooks;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.domain.WebhookEndpoint;
import cn.innovationchina.notification.domain.WebhookSignature;
import cn.innovationchina.notification.persistence.WebhookEndpoints;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** Webhooks an organisation registered, called by the service over real HTTP, signed, once, each on its own. */
@ServiceTest
class WebhookTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @RegisterExtension
    static final EventProbe notifications = EventProbe.watching(Topics.NOTIFICATION_EVENTS);

    @Autowired
    WebTestClient http;

    @Autowired
    WebhookEndpoints endpoints;

    @Autowired
    Webhooks webhooks;

    private final List<Receiver> receivers = new ArrayList<>();

    @BeforeAll
    static void anSmtpServerListens() {
        MailServer.ensureRunning();
    }

    @AfterEach
    void receiversStop() {
        receivers.forEach(Receiver::close);
    }

    @Test
    void a_match_event_delivered_twice_gives_one_signed_call_that_the_secret_verifies() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        var receiver = receiver(Receiver.accepting());
        String secret = reader.registersWebhook(receiver.url()).get("secret").toString();
        var proposal = Events.proposed("d-" + UUID.randomUUID(), enterprise, "王教授");

        Events.publish(proposal);
        Events.publish(proposal);

        var call = Eventually.awaitState("a webhook call", receiver::calls, calls -> !calls.isEmpty()).get(0);
        reader.awaitFinished("WEBHOOK", 1);
        EventProbe.settle();
        assertThat(receiver.calls()).hasSize(1);
        assertThat(call.signature()).isEqualTo(WebhookSignature.of(secret, Long.parseLong(call.timestamp()),
                call.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(call.body()).contains("\"type\":\"MATCHES_PROPOSED\"", "王教授",
                "\"sourceEventId\":\"" + proposal.eventId() + "\"");
        assertThat(reader.deliveries()).filteredOn(d -> "WEBHOOK".equals(d.get("channel")))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("state", "SENT")
                        .containsEntry("attempts", 1));
    }

    @Test
    void a_receiver_failing_half_its_calls_still_takes_every_message_exactly_once() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        var receiver = receiver(Receiver.failingHalfItsCalls());
        reader.registersWebhook(receiver.url());
        String demand = "d-" + UUID.randomUUID();

        for (int i = 0; i < 6; i++) {
            Events.publish(Events.rejected(demand, enterprise, "reason " + i));
        }

        var deliveries = reader.awaitFinished("WEBHOOK", 6);
        assertThat(deliveries).allSatisfy(d -> assertThat(d).containsEntry("state", "SENT")
                .containsEntry("attempts", 2));
        assertThat(receiver.accepted()).extracting(Receiver.Call::id).doesNotHaveDuplicates().hasSize(6);
        assertThat(receiver.calls()).hasSize(12);
    }

    @Test
    void a_receiver_that_is_down_opens_its_circuit_while_inbox_email_and_another_endpoint_go_on() {
        String enterprise = "e-" + UUID.randomUUID();
        String address = enterprise + "@example.cn";
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        reader.registersEmail(address);
        var down = Receiver.accepting();
        down.close();
        String downId = reader.registersWebhook(down.url()).get("id").toString();
        var healthy = receiver(Receiver.accepting());
        reader.registersWebhook(healthy.url());
        String demand = "d-" + UUID.randomUUID();

        for (int i = 0; i < 4; i++) {
            Events.publish(Events.rejected(demand, enterprise, "reason " + i));
        }

        Eventually.awaitState("the circuit of the endpoint that is down", reader::webhooks,
                list -> list.stream().anyMatch(w -> downId.equals(w.get("id")) && "OPEN".equals(w.get("circuit"))));
        Eventually.awaitState("four calls to the healthy endpoint", healthy::accepted, calls -> calls.size() == 4);
        Eventually.awaitState("four emails", () -> MailServer.receivedBy(address), mails -> mails.size() == 4);
        assertThat(reader.entriesWith("DEMAND_REJECTED")).hasSize(4);
        var failed = Eventually.awaitState("the failed webhook deliveries", reader::deliveries,
                list -> list.stream().filter(d -> downId.equals(d.get("endpointId"))
                        && "FAILED".equals(d.get("state"))).count() == 4);
        assertThat(failed).filteredOn(d -> downId.equals(d.get("endpointId")))
                .anySatisfy(d -> assertThat(d.get("failure").toString()).startsWith("circuit open"))
                .allSatisfy(d -> assertThat(notifications.expect(NotificationFailed.class, d.get("id").toString())
                        .exactlyOnce().payload().channel()).isEqualTo(Channel.WEBHOOK));
    }

    @Test
    void a_receiver_that_hangs_delays_no_other_organisations_webhook() {
        String slowEnterprise = "e-" + UUID.randomUUID();
        var slowReader = new Reader(http, TOKENS.enterprise(slowEnterprise, Events.CITY));
        var hanging = receiver(Receiver.hanging());
        slowReader.registersWebhook(hanging.url());
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        var healthy = receiver(Receiver.accepting());
        reader.registersWebhook(healthy.url());
        String demand = "d-" + UUID.randomUUID();

        // One demand, so one partition: the second event is handled after the first, on the same consumer.
        Events.publish(Events.rejected(demand, slowEnterprise, "unclear"));
        Events.publish(Events.rejected(demand, enterprise, "unclear"));

        Eventually.awaitState("the healthy receiver's call", healthy::accepted, calls -> calls.size() == 1);
        assertThat(hanging.calls()).hasSize(1);
        assertThat(slowReader.deliveries()).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("state", "PENDING"));
    }

    @Test
    void an_endpoint_is_still_called_after_its_owner_chose_a_language_and_no_longer_once_removed() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        var receiver = receiver(Receiver.accepting());
        Object webhook = reader.registersWebhook(receiver.url()).get("id");
        assertThat(reader.choosesLanguage("EN")).isEqualTo(HttpStatus.OK);
        String demand = "d-" + UUID.randomUUID();

        Events.publish(Events.rejected(demand, enterprise, "budget missing"));
        reader.awaitFinished("WEBHOOK", 1);
        assertThat(reader.removesWebhook(webhook)).isEqualTo(HttpStatus.NO_CONTENT);
        Events.publish(Events.rejected(demand, enterprise, "deadline unclear", 3));
        reader.awaitEntry("deadline unclear");
        EventProbe.settle();

        assertThat(receiver.calls()).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("The city did not approve", "budget missing"));
        assertThat(reader.deliveries()).filteredOn(d -> "WEBHOOK".equals(d.get("channel"))).hasSize(1);
    }

    @Test
    void an_endpoint_stored_before_endpoints_were_counted_is_called_once_the_service_has_started_again() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        var receiver = receiver(Receiver.accepting());
        endpoints.add(new WebhookEndpoint(UUID.randomUUID().toString(), Recipient.enterprise(enterprise),
                receiver.url(), "a-secret-stored-before-counting", Instant.now())).block();

        webhooks.afterPropertiesSet();
        Events.publish(Events.rejected("d-" + UUID.randomUUID(), enterprise, "请补充技术指标"));

        assertThat(reader.awaitFinished("WEBHOOK", 1)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("state", "SENT"));
        assertThat(receiver.calls()).hasSize(1);
    }

    @Test
    void a_registered_secret_is_shown_once_and_only_the_organisation_sees_or_removes_its_webhooks() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        var other = new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY));
        Map<String, Object> registered = reader.registersWebhook("http://localhost:1/hooks");

        assertThat(registered.get("secret").toString()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(reader.webhooks()).singleElement().satisfies(w -> assertThat(w)
                .containsEntry("id", registered.get("id")).containsEntry("circuit", "CLOSED")
                .doesNotContainKey("secret"));
        assertThat(other.webhooks()).isEmpty();
        assertThat(other.removesWebhook(registered.get("id"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(reader.removesWebhook(registered.get("id"))).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(reader.webhooks()).isEmpty();
    }

    @Test
    void a_secret_of_the_organisations_own_is_kept_and_a_short_one_is_refused() {
        var reader = new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY));

        reader.triesToRegisterWebhook("http://localhost:1/hooks", "our-own-secret-of-32-characters!").expectStatus()
                .isCreated().expectBody().jsonPath("$.secret").isEqualTo("our-own-secret-of-32-characters!");
        reader.triesToRegisterWebhook("http://localhost:1/hooks", "short").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("secret");
    }

    private Receiver receiver(Receiver receiver) {
        receivers.add(receiver);
        return receiver;
    }
}
