package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.notification.application.Digests;
import cn.innovationchina.notification.domain.Digest;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** Daily digests to a real SMTP server: a day's notifications in one email, nothing for an empty day. */
@ServiceTest
class DigestTest {

    private static final Tokens TOKENS = Tokens.forTests();
    /** The digest of the period ending tomorrow covers everything delivered today. */
    private static final LocalDate TOMORROW = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

    @Autowired
    WebTestClient http;
    @Autowired
    Digests digests;

    @BeforeAll
    static void anSmtpServerListens() {
        MailServer.ensureRunning();
    }

    @Test
    void a_daily_digest_groups_the_days_notifications_in_one_email_instead_of_one_each() {
        String enterprise = "e-" + UUID.randomUUID();
        String address = enterprise + "@example.cn";
        var reader = dailyDigestReader(enterprise, address);
        String demand = "d-" + UUID.randomUUID();
        Events.publish(Events.rejected(demand, enterprise, "unclear"));
        Events.publish(Events.proposed(demand, enterprise, "王教授"));
        // Two topics, two consumers: each entry arrives on its own.
        reader.awaitEntry("DEMAND_REJECTED");
        reader.awaitEntry("MATCHES_PROPOSED");
        assertThat(MailServer.receivedBy(address)).isEmpty();

        digests.send(Digest.DAILY, TOMORROW).block();

        var mails = MailServer.receivedBy(address);
        assertThat(mails).hasSize(1);
        assertThat(MailServer.subject(mails.get(0))).isEqualTo("您有 2 条新通知");
        assertThat(MailServer.body(mails.get(0))).contains("需求未通过审核", "为您找到 1 个匹配");
    }

    @Test
    void running_the_same_digest_twice_sends_one_email() {
        String enterprise = "e-" + UUID.randomUUID();
        String address = enterprise + "@example.cn";
        var reader = dailyDigestReader(enterprise, address);
        String demand = "d-" + UUID.randomUUID();
        Events.publish(Events.rejected(demand, enterprise, "unclear"));
        reader.awaitEntry("DEMAND_REJECTED");

        digests.send(Digest.DAILY, TOMORROW).block();
        digests.send(Digest.DAILY, TOMORROW).block();

        assertThat(MailServer.receivedBy(address)).hasSize(1);
    }

    @Test
    void a_day_without_notifications_sends_no_digest() {
        String enterprise = "e-" + UUID.randomUUID();
        String address = enterprise + "@example.cn";
        var reader = dailyDigestReader(enterprise, address);

        digests.send(Digest.DAILY, TOMORROW).block();

        assertThat(MailServer.receivedBy(address)).isEmpty();
        assertThat(reader.deliveries()).isEmpty();
    }

    private Reader dailyDigestReader(String enterprise, String address) {
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        assertThat(reader.registersEmail(address)).isEqualTo(HttpStatus.OK);
        assertThat(reader.choosesDigest("DAILY")).isEqualTo(HttpStatus.OK);
        return reader;
    }
}
