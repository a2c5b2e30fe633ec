package cn.innovationchina.notification.domain;

import java.time.Instant;
import java.util.Objects;

/** An HTTPS (or, where allowed, HTTP) address a recipient registered to receive its notifications as signed JSON. */
public record WebhookEndpoint(String id, Recipient owner, String url, String secret, Instant createdAt) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
    }
}
