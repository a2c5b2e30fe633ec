package cn.innovationchina.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void the_signature_is_the_hmac_sha256_of_timestamp_dot_body_as_openssl_computes_it() {
        // printf '%s' '1764469380.{"id":"1"}' | openssl dgst -sha256 -hmac 'whsec_test_secret_0123456789'
        assertThat(WebhookSignature.of("whsec_test_secret_0123456789", 1764469380L,
                "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=" + OPENSSL);
    }

    @Test
    void another_timestamp_or_body_gives_another_signature() {
        byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        String signed = WebhookSignature.of("whsec_test_secret_0123456789", 1764469380L, body);

        assertThat(WebhookSignature.of("whsec_test_secret_0123456789", 1764469381L, body)).isNotEqualTo(signed);
        assertThat(WebhookSignature.of("whsec_test_secret_0123456789", 1764469380L,
                "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signed);
    }

    private static final String OPENSSL = "b86dfe765e36c0cb1a94a5c3c983c90a5ecedd40006fe45363015c3cbd2d3785";
}
