package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Channel;
import cn.innovationchina.events.NotificationDelivered;
import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** Email to a real SMTP server in the test JVM: once per event and recipient, with its delivery state recorded. */
@ServiceTest
class EmailTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @RegisterExtension
    static final EventProbe notifications = EventProbe.watching(Topics.NOTIFICATION_EVENTS);

    @Autowired
    WebTestClient http;

    @BeforeAll
    static void anSmtpServerListens() {
        MailServer.ensureRunning();
    }

    @Test
    void an_event_delivered_twice_sends_one_email_to_the_registered_address() {
        String enterprise = "e-" + UUID.randomUUID();
        String address = enterprise + "@example.cn";
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        assertThat(reader.registersEmail(address)).isEqualTo(HttpStatus.OK);
        String demand = "d-" + UUID.randomUUID();
        var rejection = Events.rejected(demand, enterprise, "budget missing");

        Events.publish(rejection);
        Events.publish(rejection);
        // Same demand, so the same partition: once its mail is in, both copies before it were handled.
        Events.publish(Events.rejected(demand, enterprise, "still unclear"));

        Eventually.awaitState("mail about the second rejection", () -> MailServer.receivedBy(address),
                mails -> mails.stream().anyMatch(m -> MailServer.body(m).contains("still unclear")));
        EventProbe.settle();
        var mails = MailServer.receivedBy(address);
        assertThat(mails).hasSize(2);
        assertThat(mails).filteredOn(m -> MailServer.body(m).contains("budget missing")).hasSize(1)
                .allSatisfy(m -> assertThat(MailServer.subject(m)).isEqualTo("需求未通过审核"));
    }

    @Test
    void a_sent_email_is_recorded_as_sent_after_one_attempt_for_its_recipient_to_check() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        reader.registersEmail(enterprise + "@example.cn");

        Events.publish(Events.proposed("d-" + UUID.randomUUID(), enterprise, "王教授"));

        var delivery = Eventually.awaitState("a delivery", reader::deliveries,
                list -> list.stream().anyMatch(d -> "SENT".equals(d.get("state")))).get(0);
        assertThat(delivery).containsEntry("channel", "EMAIL").containsEntry("type", "MATCHES_PROPOSED")
                .containsEntry("attempts", 1);
        assertThat(new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY)).deliveries()).isEmpty();
    }

    @Test
    void a_sent_email_is_announced_once_as_notification_delivered() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        reader.registersEmail(enterprise + "@example.cn");
        var rejection = Events.rejected("d-" + UUID.randomUUID(), enterprise, "unclear");

        Events.publish(rejection);
        Events.publish(rejection);

        String delivery = Eventually.awaitState("a delivery", reader::deliveries, list -> !list.isEmpty()).get(0)
                .get("id").toString();
        var delivered = notifications.expect(NotificationDelivered.class, delivery).exactlyOnce().payload();
        assertThat(delivered.recipientId()).isEqualTo("enterprise:" + enterprise);
        assertThat(delivered.channel()).isEqualTo(Channel.EMAIL);
        assertThat(delivered.sourceEventId()).isEqualTo(rejection.eventId().toString());
    }

    @Test
    void a_type_muted_for_email_reaches_the_inbox_but_sends_no_email() {
        String enterprise = "e-" + UUID.randomUUID();
        String address = enterprise + "@example.cn";
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        reader.registersEmail(address);
        assertThat(reader.mutesEmailFor("MATCHES_PROPOSED")).isEqualTo(HttpStatus.OK);
        String demand = "d-" + UUID.randomUUID();

        Events.publish(Events.proposed(demand, enterprise, "王教授"));
        // Same demand, so the same partition: once its mail is in, the proposal before it was handled.
        Events.publish(Events.rejected(demand, enterprise, "withdrawn by the city"));

        Eventually.awaitState("mail about the rejection", () -> MailServer.receivedBy(address), m -> !m.isEmpty());
        assertThat(reader.awaitEntry("MATCHES_PROPOSED").get("body").toString()).contains("王教授");
        assertThat(MailServer.receivedBy(address)).extracting(MailServer::subject).containsExactly("需求未通过审核");
        assertThat(reader.deliveries()).extracting(d -> d.get("type")).containsExactly("DEMAND_REJECTED");
    }

    @Test
    void a_recipient_without_an_address_gets_no_email_and_no_delivery() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        String demand = "d-" + UUID.randomUUID();

        Events.publish(Events.rejected(demand, enterprise, "unclear"));

        reader.awaitEntry("DEMAND_REJECTED");
        List<Map<String, Object>> deliveries = reader.deliveries();
        assertThat(deliveries).isEmpty();
    }

    @Test
    void an_address_without_an_at_sign_is_refused_with_400() {
        var reader = new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY));

        assertThat(reader.registersEmail("not-an-address")).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
