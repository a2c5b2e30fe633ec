package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.notification.application.PendingDeliveries;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.TestClock;
import cn.innovationchina.testkit.Tokens;

/** Quiet hours: the inbox hears at once, email and webhooks when the hours end, on the service's own clock. */
@ServiceTest
class QuietHoursTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    WebTestClient http;
    @Autowired
    TestClock clock;
    @Autowired
    PendingDeliveries pending;

    private final Receiver receiver = Receiver.accepting();

    @BeforeAll
    static void anSmtpServerListens() {
        MailServer.ensureRunning();
    }

    @AfterEach
    void receiverStops() {
        receiver.close();
    }

    @Test
    void email_and_webhook_wait_for_the_end_of_the_quiet_hours_while_the_inbox_has_it_at_once() {
        String enterprise = "e-" + UUID.randomUUID();
        String address = enterprise + "@example.cn";
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        reader.registersEmail(address);
        reader.registersWebhook(receiver.url());
        var now = clock.instant().atZone(SHANGHAI).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        assertThat(reader.choosesQuietHours(now.minusMinutes(1).toString(), now.plusMinutes(2).toString(),
                "Asia/Shanghai")).isEqualTo(HttpStatus.OK);
        String demand = "d-" + UUID.randomUUID();

        Events.publish(Events.rejected(demand, enterprise, "unclear"));

        reader.awaitEntry("DEMAND_REJECTED");
        var held = Eventually.awaitState("the held deliveries", reader::deliveries, list -> list.size() == 2);
        assertThat(held).allSatisfy(d -> assertThat(d).containsEntry("state", "PENDING")
                .containsKey("heldUntil"));
        assertThat(pending.sendDue().block()).isZero();
        assertThat(MailServer.receivedBy(address)).isEmpty();
        assertThat(receiver.calls()).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        pending.sendDue().block();

        assertThat(MailServer.receivedBy(address)).hasSize(1);
        assertThat(receiver.accepted()).hasSize(1);
        assertThat(reader.deliveries()).extracting(d -> d.get("state")).containsOnly("SENT");
    }

    @Test
    void quiet_hours_that_start_when_they_end_are_refused_naming_the_field() {
        var reader = new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY));

        assertThat(reader.choosesQuietHours("22:00", "22:00", "Asia/Shanghai")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reader.choosesQuietHours("22:00", "07:00", "Mars/Olympus")).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
