package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Channel;
import cn.innovationchina.events.NotificationDelivered;
import cn.innovationchina.events.NotificationFailed;
import cn.innovationchina.events.Topics;
import cn.innovationchina.notification.application.PendingDeliveries;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryKey;
import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.persistence.Deliveries;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;
import io.micrometer.core.instrument.MeterRegistry;

/** When sending fails or an instance dies half-way: bounded attempts, a recorded failure, and nothing left behind. */
@ServiceTest
class DeliveryFailureTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @RegisterExtension
    static final EventProbe notifications = EventProbe.watching(Topics.NOTIFICATION_EVENTS);

    @Autowired
    WebTestClient http;
    @Autowired
    Deliveries deliveries;
    @Autowired
    PendingDeliveries pending;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void anSmtpServerListens() {
        MailServer.ensureRunning();
    }

    @Test
    void an_email_the_smtp_server_cannot_take_is_failed_after_three_attempts_and_the_inbox_still_has_it() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        reader.registersEmail(enterprise + "@example.cn");
        double failedBefore = failedEmails();
        String demand = "d-" + UUID.randomUUID();

        MailServer.whileDown(() -> {
            Events.publish(Events.rejected(demand, enterprise, "unclear"));
            reader.awaitFinished("EMAIL", 1);
        });

        var delivery = reader.deliveries().get(0);
        assertThat(delivery).containsEntry("state", "FAILED").containsEntry("attempts", 3);
        assertThat(delivery.get("failure").toString()).contains("MailSendException");
        var failed = notifications.expect(NotificationFailed.class, delivery.get("id").toString()).exactlyOnce()
                .payload();
        assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(reader.awaitEntry("unclear")).containsEntry("type", "DEMAND_REJECTED");
        assertThat(failedEmails()).isEqualTo(failedBefore + 1);
    }

    @Test
    void an_email_claimed_by_an_instance_that_died_before_sending_is_sent_once_by_the_next_run() {
        String enterprise = "e-" + UUID.randomUUID();
        String address = enterprise + "@example.cn";
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        reader.registersEmail(address);
        var recipient = Recipient.enterprise(enterprise);
        UUID sourceEvent = UUID.randomUUID();
        Instant claimedAt = Instant.now().minus(Duration.ofMinutes(11));
        // What a crash leaves: the claim stored, the mail never sent.
        var claim = new Delivery(DeliveryKey.of(sourceEvent, recipient, Channel.EMAIL), Channel.EMAIL,
                NotificationType.DEMAND_REJECTED, sourceEvent.toString(), null, DeliveryState.PENDING, 0, null,
                claimedAt, null);
        deliveries.claim(claim, recipient, new Deliveries.Message("需求未通过审核", "crash " + sourceEvent),
                claimedAt.plus(Duration.ofMinutes(10))).block();

        pending.sendDue().block();
        pending.sendDue().block();

        assertThat(MailServer.receivedBy(address)).singleElement()
                .satisfies(m -> assertThat(MailServer.body(m)).isEqualTo("crash " + sourceEvent));
        assertThat(reader.deliveries()).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("state", "SENT").containsEntry("attempts", 1));
        notifications.expect(NotificationDelivered.class, claim.id()).exactlyOnce();
        Eventually.awaitState("the counter", () -> meters.find("notification.deliveries")
                .tags("channel", "EMAIL", "outcome", "SENT").counter(), counter -> counter != null
                        && counter.count() >= 1);
    }

    private double failedEmails() {
        var counter = meters.find("notification.deliveries").tags("channel", "EMAIL", "outcome", "FAILED").counter();
        return counter == null ? 0 : counter.count();
    }
}
