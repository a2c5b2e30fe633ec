package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** Webhooks never lead into the platform's network: refused when registered, and again when a name moves inside. */
@ServiceTest
class SsrfTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @Autowired
    WebTestClient http;
    @Autowired
    TestInfrastructure.TestDns dns;

    @Test
    void the_cloud_metadata_address_is_refused_at_registration_naming_the_url() {
        var reader = new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY));

        reader.triesToRegisterWebhook("http://169.254.169.254/latest/meta-data/", null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("link-local"));
        assertThat(reader.webhooks()).isEmpty();
    }

    @Test
    void a_name_resolving_to_a_private_address_is_refused_at_registration() {
        var reader = new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY));
        String host = "intranet-" + UUID.randomUUID() + ".example";
        dns.point(host, "192.168.1.20");

        reader.triesToRegisterWebhook("https://" + host + "/hooks", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
    }

    @Test
    void a_refusal_never_tells_what_an_internal_name_resolves_to_nor_whether_it_exists() {
        var reader = new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY));
        String internal = "vault-" + UUID.randomUUID() + ".example";
        dns.point(internal, "10.20.30.40");
        String unknown = "nowhere-" + UUID.randomUUID() + ".example";
        dns.unknown(unknown);

        String refusedInternal = refusal(reader, internal);
        String refusedUnknown = refusal(reader, unknown);

        assertThat(refusedInternal).doesNotContain("10.20.30.40").doesNotContain("private")
                .isEqualTo(refusedUnknown.replace(unknown, internal));
    }

    /** The problem's detail and its message on {@code url}. */
    private static String refusal(Reader reader, String host) {
        var said = new StringBuilder();
        reader.triesToRegisterWebhook("https://" + host + "/hooks", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url")
                .jsonPath("$.detail").value(detail -> said.append(detail).append(" | "))
                .jsonPath("$.errors[0].message").value(message -> said.append(message));
        return said.toString();
    }

    @Test
    void a_shortened_or_numeric_loopback_address_is_refused_for_what_it_is() {
        var reader = new Reader(http, TOKENS.enterprise("e-" + UUID.randomUUID(), Events.CITY));
        for (String url : new String[] {"http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/hooks",
                "http://0177.0.0.1/"}) {
            reader.triesToRegisterWebhook(url, null).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("url")
                    .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).as(url)
                            .doesNotContain("must be an absolute").contains("not a host name or a full IP address"));
        }
        assertThat(reader.webhooks()).isEmpty();
    }

    @Test
    void a_name_that_resolved_publicly_at_registration_but_privately_at_send_time_is_not_called() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        String host = "rebinding-" + UUID.randomUUID() + ".example";
        dns.point(host, "93.184.216.34");
        reader.registersWebhook("http://" + host + "/hooks");
        dns.point(host, "10.0.0.7");

        Events.publish(Events.rejected("d-" + UUID.randomUUID(), enterprise, "unclear"));

        var delivery = reader.awaitFinished("WEBHOOK", 1).get(0);
        assertThat(delivery).containsEntry("state", "FAILED");
        assertThat(delivery.get("failure").toString()).contains("does not resolve to a public address")
                .doesNotContain("10.0.0.7").doesNotContain("private");
        assertThat(Eventually.awaitState("the inbox entry", () -> reader.entriesWith("DEMAND_REJECTED"),
                list -> !list.isEmpty())).hasSize(1);
    }

    @Test
    void a_redirect_is_not_followed_so_it_cannot_lead_to_the_metadata_address() {
        String enterprise = "e-" + UUID.randomUUID();
        var reader = new Reader(http, TOKENS.enterprise(enterprise, Events.CITY));
        try (var receiver = Receiver.redirectingTo("http://169.254.169.254/latest/meta-data/")) {
            reader.registersWebhook(receiver.url());

            Events.publish(Events.rejected("d-" + UUID.randomUUID(), enterprise, "unclear"));

            var delivery = reader.awaitFinished("WEBHOOK", 1).get(0);
            assertThat(delivery).containsEntry("state", "FAILED").containsEntry("attempts", 1);
            assertThat(delivery.get("failure").toString()).startsWith("redirect refused");
            assertThat(receiver.calls()).hasSize(1);
        }
    }
}
