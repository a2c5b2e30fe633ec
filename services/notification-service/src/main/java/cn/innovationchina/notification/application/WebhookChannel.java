package cn.innovationchina.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.Channel;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.notification.domain.Delivery;
import cn.innovationchina.notification.domain.DeliveryKey;
import cn.innovationchina.notification.domain.DeliveryState;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.domain.WebhookEndpoint;
import cn.innovationchina.notification.persistence.Deliveries;
import cn.innovationchina.notification.persistence.WebhookEndpoints;
import cn.innovationchina.platform.observability.ContextLogging;
import reactor.core.publisher.Mono;

/**
 * Webhooks: one delivery per (source event, recipient, endpoint), claimed while the event is handled, then posted in
 * the background, so the event's handling (and the next event on the partition) never waits for a receiver. A crash
 * before the post leaves the claim PENDING for {@link PendingDeliveries}; quiet hours leave it PENDING until they end.
 */
@Component
class WebhookChannel {

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    private final WebhookEndpoints endpoints;
    private final Deliveries deliveries;
    private final WebhookCalls calls;
    private final Outcomes outcomes;
    private final Clock clock;
    private final Duration resendAfter;

    WebhookChannel(WebhookEndpoints endpoints, Deliveries deliveries, WebhookCalls calls, Outcomes outcomes,
            Clock clock, @Value("${notification.resend.after}") Duration resendAfter) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.calls = calls;
        this.outcomes = outcomes;
        this.clock = clock;
        this.resendAfter = resendAfter;
    }

    /** Claims a delivery for each of the recipient's endpoints and starts posting the ones not held. */
    Mono<Void> send(UUID sourceEventId, Recipient recipient, NotificationType type, Texts.Text text,
            Optional<Instant> heldUntil) {
        var message = new Deliveries.Message(text.title(), text.body());
        return endpoints.of(recipient).concatMap(endpoint -> {
            Instant now = clock.instant();
            var pending = new Delivery(DeliveryKey.of(sourceEventId, recipient, Channel.WEBHOOK, endpoint.id()),
                    Channel.WEBHOOK, type, sourceEventId.toString(), endpoint.id(), DeliveryState.PENDING, 0, null,
                    now, heldUntil.orElse(null));
            return deliveries.claim(pending, recipient, message, heldUntil.orElse(now.plus(resendAfter)))
                    .filter(claimed -> heldUntil.isEmpty())
                    .flatMap(claimed -> Mono.deferContextual(context -> {
                        // The claim stays PENDING if this fails, and the re-sender completes it.
                        post(claimed, recipient, message, endpoint).contextWrite(context).subscribe(null,
                                failure -> ContextLogging.within(context, () -> log.warn(
                                        "Webhook delivery {} not completed", claimed.id(), failure)));
                        return Mono.<Void>empty();
                    }));
        }).then();
    }

    /** Posts a delivery that was held or interrupted, if its endpoint is still registered. */
    Mono<Void> complete(Deliveries.Pending pending) {
        Delivery delivery = pending.delivery();
        return endpoints.byId(String.valueOf(delivery.endpointId()))
                .flatMap(endpoint -> post(delivery, pending.recipient(), pending.message(), endpoint))
                .switchIfEmpty(Mono.defer(() -> outcomes.record(delivery, pending.recipient(), pending.message(),
                        DeliveryState.FAILED, 0, "endpoint removed before the delivery")));
    }

    private Mono<Void> post(Delivery claimed, Recipient recipient, Deliveries.Message message,
            WebhookEndpoint endpoint) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", claimed.id());
        body.put("type", claimed.type().name());
        body.put("recipient", recipient.key());
        body.put("sourceEventId", claimed.sourceEventId());
        body.put("title", message.title());
        body.put("body", message.body());
        body.put("createdAt", claimed.updatedAt().toString());
        byte[] json = EventJson.mapper().writeValueAsBytes(body);
        return calls.post(endpoint, claimed.id(), json).flatMap(outcome -> outcomes.record(claimed, recipient,
                message, outcome.state(), outcome.attempts(), outcome.failure()));
    }
}
