package cn.innovationchina.notification.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;

import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.domain.WebhookEndpoint;
import cn.innovationchina.notification.persistence.PreferenceStore;
import cn.innovationchina.notification.persistence.WebhookEndpoints;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.NotFound;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A recipient's webhook endpoints: registered with a URL the SSRF guard accepts and a signing secret (the caller's,
 * or one made here and shown only in the answer to the registration), listed without their secrets, removed. Each is
 * counted in its owner's preferences, so a notice looks for endpoints only where there may be some (ADR 0087); at
 * start, endpoints registered before they were counted are counted.
 */
@Service
public class Webhooks implements InitializingBean {

    static final int MIN_SECRET_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpoints endpoints;
    private final PreferenceStore preferences;
    private final WebhookTargets targets;
    private final WebhookCalls calls;
    private final Clock clock;

    Webhooks(WebhookEndpoints endpoints, PreferenceStore preferences, WebhookTargets targets, WebhookCalls calls,
            Clock clock) {
        this.endpoints = endpoints;
        this.preferences = preferences;
        this.targets = targets;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        endpoints.countsByOwner()
                .concatMap(counted -> preferences.webhooksAtLeast(counted.owner(), counted.endpoints()))
                .then().block();
    }

    /** Registers an endpoint; the answer is the only place a generated secret is ever shown. */
    public Mono<WebhookEndpoint> register(Recipient owner, @Nullable String url, @Nullable String secret) {
        if (url == null || url.isBlank()) {
            return Mono.error(new InvalidInput("url", "is required"));
        }
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            return Mono.error(new InvalidInput("secret", "must have at least " + MIN_SECRET_LENGTH + " characters"));
        }
        // The check resolves the host name: blocking work, off the event loop.
        return Mono.fromCallable(() -> targets.checkRegistration(url)).subscribeOn(Schedulers.boundedElastic())
                .map(checked -> new WebhookEndpoint(UUID.randomUUID().toString(), owner, checked.toString(),
                        secret == null ? newSecret() : secret, clock.instant()))
                .flatMap(endpoint -> preferences.webhookAdding(owner).then(endpoints.add(endpoint))
                        .thenReturn(endpoint));
    }

    public Mono<List<Registered>> list(Recipient owner) {
        return endpoints.of(owner)
                .map(e -> new Registered(e.id(), e.url(), e.createdAt().toString(), calls.circuitOf(e.id())))
                .collectList();
    }

    public Mono<Void> remove(Recipient owner, String id) {
        return endpoints.remove(owner, id)
                .flatMap(found -> found ? preferences.webhookRemoved(owner) : Mono.error(new NotFound("webhook", id)));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    /** An endpoint as its owner lists it: never its secret; its circuit tells whether calls go out now. */
    public record Registered(String id, String url, String createdAt, String circuit) {
    }
}
