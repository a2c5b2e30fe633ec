package cn.innovationchina.notification.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.notification.application.Webhooks;
import cn.innovationchina.platform.security.PlatformUser;
import reactor.core.publisher.Mono;

/**
 * The caller's webhook endpoints: an enterprise's users manage those of their organisation, an expert those of its
 * provider profile, a city administrator those of its city. Nobody can name another recipient's endpoints; one of
 * them answers 404.
 */
@RestController
@RequestMapping("/notifications/webhooks")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Registers an endpoint; the secret is in this answer only (the caller's, or a new one when it sent none). */
    @PostMapping
    Mono<ResponseEntity<Registration>> register(@AuthenticationPrincipal PlatformUser user,
            @RequestBody RegistrationRequest request) {
        return webhooks.register(Recipients.of(user), request.url(), request.secret())
                .map(endpoint -> ResponseEntity.created(URI.create("/notifications/webhooks/" + endpoint.id()))
                        .body(new Registration(endpoint.id(), endpoint.url(), endpoint.secret(),
                                endpoint.createdAt().toString())));
    }

    @GetMapping
    Mono<List<Webhooks.Registered>> list(@AuthenticationPrincipal PlatformUser user) {
        return webhooks.list(Recipients.of(user));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@AuthenticationPrincipal PlatformUser user, @PathVariable String id) {
        return webhooks.remove(Recipients.of(user), id);
    }

    record RegistrationRequest(@Nullable String url, @Nullable String secret) {
    }

    record Registration(String id, String url, String secret, String createdAt) {
    }
}
