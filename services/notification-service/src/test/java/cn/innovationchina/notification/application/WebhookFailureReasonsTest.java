package cn.innovationchina.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

/** An organisation reads why its webhook call failed, and learns nothing about the network the call went into. */
class WebhookFailureReasonsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void a_refused_connection_is_told_without_the_address_it_was_refused_at() {
        var refused = new IllegalStateException("Connection refused: vault.internal/10.0.0.5:443",
                new ConnectException("Connection refused: vault.internal/10.0.0.5:443"));
        assertThat(WebhookCalls.reason(refused, TIMEOUT)).isEqualTo("could not connect to the endpoint");
    }

    @Test
    void a_name_that_does_not_resolve_or_a_failed_handshake_is_told_without_detail() {
        assertThat(WebhookCalls.reason(new IllegalStateException("x", new UnknownHostException("vault.internal")),
                TIMEOUT)).isEqualTo("the endpoint's host does not resolve to a public address");
        assertThat(WebhookCalls.reason(new SSLHandshakeException("PKIX path building failed for 10.0.0.5"), TIMEOUT))
                .isEqualTo("the TLS handshake with the endpoint failed");
    }

    @Test
    void any_other_failure_is_named_by_its_kind_only() {
        assertThat(WebhookCalls.reason(new IllegalStateException("reset by peer 10.0.0.5:443"), TIMEOUT))
                .isEqualTo("the call failed (IllegalStateException)");
    }
}
