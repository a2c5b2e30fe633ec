package cn.innovationchina.expert.web;

import java.net.URI;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.expert.application.ContactRelease;
import cn.innovationchina.expert.application.ProviderService;
import cn.innovationchina.expert.domain.ProfileDraft;
import cn.innovationchina.expert.web.ProviderViews.PageView;
import cn.innovationchina.expert.web.ProviderViews.ProviderDetails;
import cn.innovationchina.expert.web.ProviderViews.PublicProvider;
import cn.innovationchina.expert.web.ProviderViews.ReleasedProvider;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;
import cn.innovationchina.platform.web.ETags;
import cn.innovationchina.platform.web.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/**
 * Provider profiles. Writes answer with the new version as ETag; a change of an existing provider must send the
 * ETag it read as If-Match (428 without, 412 when stale; ADR 0042), the first PUT registers without; admitting or
 * releasing a member states the whole result and needs none. Properties the server owns
 * (id, verification, version, completeness, status) are not part of any request body and are ignored if sent.
 */
@RestController
class ProviderController {

    record AvailabilityChange(@NotNull Availability availability, @Nullable LocalDate until) {
    }

    record DeactivationRequest(@Nullable String reason) {
    }

    private final ProviderService service;
    private final ContactRelease contactRelease;

    ProviderController(ProviderService service, ContactRelease contactRelease) {
        this.service = service;
        this.contactRelease = contactRelease;
    }

    @PutMapping("/providers/{id}")
    @PreAuthorize("hasRole('EXPERT')")
    Mono<ResponseEntity<ProviderDetails>> save(@PathVariable String id, @RequestBody ProfileDraft profile,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return service.save(user, id, profile, ETags.ifMatch(ifMatch)).map(saved -> saved.registered()
                ? ResponseEntity.created(URI.create("/providers/" + id)).eTag(ETags.of(saved.provider().version()))
                        .body(ProviderDetails.of(saved.provider()))
                : Versions.ok(saved.provider().version(), ProviderDetails.of(saved.provider())));
    }

    /**
     * The provider itself and platform administrators get the details; an enterprise whose invitation the provider
     * accepted gets the public view with the contact; anyone else the public view.
     */
    @GetMapping("/providers/{id}")
    Mono<ResponseEntity<?>> read(@PathVariable String id, @AuthenticationPrincipal PlatformUser user) {
        return service.read(user, id).flatMap(provider -> {
            if (user.isProvider(id) || user.is(Role.PLATFORM_ADMIN)) {
                return Mono.just(Versions.ok(provider.version(), ProviderDetails.of(provider)));
            }
            return contactRelease.isReleasedTo(user, id).map(released -> released
                    ? Versions.ok(provider.version(), ReleasedProvider.of(provider))
                    : Versions.ok(provider.version(), PublicProvider.of(provider)));
        });
    }

    @PutMapping("/providers/{id}/availability")
    @PreAuthorize("hasRole('EXPERT')")
    Mono<ResponseEntity<ProviderDetails>> changeAvailability(@PathVariable String id,
            @Valid @RequestBody AvailabilityChange change,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return service.changeAvailability(user, id, change.availability(), change.until(), expected(ifMatch))
                .map(p -> Versions.ok(p.version(), ProviderDetails.of(p)));
    }

    @PostMapping("/providers/{id}/verification")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    Mono<ResponseEntity<ProviderDetails>> verify(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return service.verify(user, id, expected(ifMatch))
                .map(p -> Versions.ok(p.version(), ProviderDetails.of(p)));
    }

    @PostMapping("/providers/{id}/deactivation")
    @PreAuthorize("hasAnyRole('EXPERT', 'PLATFORM_ADMIN')")
    Mono<ResponseEntity<ProviderDetails>> deactivate(@PathVariable String id,
            @RequestBody(required = false) @Nullable DeactivationRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return service.deactivate(user, id, request == null ? null : request.reason(), expected(ifMatch))
                .map(p -> Versions.ok(p.version(), ProviderDetails.of(p)));
    }

    @GetMapping("/providers")
    Mono<PageView> search(@RequestParam(required = false) @Nullable String field,
            @RequestParam(required = false) @Nullable String city,
            @RequestParam(required = false) @Nullable String division,
            @RequestParam(required = false) @Nullable ProviderKind kind,
            @RequestParam(required = false) @Nullable Availability availability,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return service.search(field, city, division, kind, availability, text, PageRequest.of(page, size))
                .map(PageView::of);
    }

    @GetMapping("/cities/{city}/providers")
    @PreAuthorize("hasAnyRole('CITY_ADMIN', 'PLATFORM_ADMIN')")
    Mono<PageView> servingCity(@PathVariable String city, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal PlatformUser user) {
        return service.servingCity(user, city, PageRequest.of(page, size)).map(PageView::of);
    }

    /** The society or institute adds a registered expert; it sees the member's public view, never its contact. */
    @PutMapping("/providers/{id}/members/{memberId}")
    @PreAuthorize("hasRole('EXPERT')")
    Mono<PublicProvider> admit(@PathVariable String id, @PathVariable String memberId,
            @AuthenticationPrincipal PlatformUser user) {
        return service.admit(user, id, memberId).map(PublicProvider::of);
    }

    /** The society or institute lets a member go, or the member leaves. */
    @DeleteMapping("/providers/{id}/members/{memberId}")
    @PreAuthorize("hasRole('EXPERT')")
    Mono<ResponseEntity<Void>> release(@PathVariable String id, @PathVariable String memberId,
            @AuthenticationPrincipal PlatformUser user) {
        return service.release(user, id, memberId).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/providers/{id}/members")
    Mono<PageView> members(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return service.members(id, PageRequest.of(page, size)).map(PageView::of);
    }

    private static long expected(@Nullable String ifMatch) {
        return ETags.requiredIfMatch(ifMatch, "provider");
    }
}
