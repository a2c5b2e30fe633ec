package cn.innovationchina.demand.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.platform.web.PageRequest;
import cn.innovationchina.demand.application.Demands;
import cn.innovationchina.demand.application.Exposure;
import cn.innovationchina.demand.application.Listing;
import cn.innovationchina.demand.domain.Demand;
import cn.innovationchina.demand.domain.DemandStatus;
import cn.innovationchina.demand.domain.DemandSearch;
import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.platform.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** Demands over HTTP. Every change needs the demand's ETag in If-Match; every answer carries the new one. */
@RestController
@RequestMapping("/demands")
class DemandController {

    record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }

    record Withdrawal(@Size(max = 2000) @Nullable String reason) {
    }

    record Closing(@NotNull ClosureReason closure, @Size(max = 2000) @Nullable String note) {
    }

    private final Demands demands;
    private final int maxPageSize;

    DemandController(Demands demands, @Value("${demand.max-page-size}") int maxPageSize) {
        this.demands = demands;
        this.maxPageSize = maxPageSize;
    }

    @PostMapping
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<ResponseEntity<DemandView>> draft(@Valid @RequestBody DemandRequest request,
            @AuthenticationPrincipal PlatformUser user) {
        return demands.draft(user, request.cityCode(), request.content(), request.contactPerson())
                .map(demand -> Versions.tagged(ResponseEntity.created(URI.create("/demands/" + demand.id())), demand)
                        .body(own(demand)));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<ResponseEntity<DemandView>> change(@PathVariable String id, @Valid @RequestBody DemandRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return answer(Mono.defer(() -> demands.change(user, id, Versions.expected(ifMatch), request.cityCode(),
                request.content(), request.contactPerson())));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<ResponseEntity<DemandView>> submit(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return answer(Mono.defer(() -> demands.submit(user, id, Versions.expected(ifMatch))));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<ResponseEntity<DemandView>> withdraw(@PathVariable String id,
            @Valid @RequestBody(required = false) @Nullable Withdrawal withdrawal,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return answer(Mono.defer(() -> demands.withdraw(user, id, Versions.expected(ifMatch),
                withdrawal == null ? null : withdrawal.reason())));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<ResponseEntity<DemandView>> close(@PathVariable String id, @Valid @RequestBody Closing closing,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return answer(Mono.defer(() -> demands.close(user, id, Versions.expected(ifMatch), closing.closure(),
                closing.note())));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    Mono<ResponseEntity<DemandView>> approve(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser admin) {
        return answer(Mono.defer(() -> demands.approve(admin, id, Versions.expected(ifMatch))));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    Mono<ResponseEntity<DemandView>> reject(@PathVariable String id, @Valid @RequestBody Rejection rejection,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser admin) {
        return answer(Mono.defer(() -> demands.reject(admin, id, Versions.expected(ifMatch), rejection.reason())));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<DemandView>> read(@PathVariable String id, @AuthenticationPrincipal PlatformUser user) {
        return demands.read(user, id).map(seen -> {
            var response = ResponseEntity.ok();
            return (seen.exposure() == Exposure.FULL ? Versions.tagged(response, seen.demand()) : response)
                    .body(DemandView.of(seen));
        });
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ENTERPRISE', 'CITY_ADMIN', 'PLATFORM_ADMIN')")
    Mono<PageView> list(@RequestParam(required = false) @Nullable DemandStatus status,
            @RequestParam(required = false) @Nullable String city,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal PlatformUser user) {
        return Mono.defer(() -> demands.list(user, status, city, PageRequest.of(page, size, maxPageSize)))
                .map(PageView::of);
    }

    @GetMapping("/search")
    @PreAuthorize("hasAnyRole('EXPERT', 'PLATFORM_ADMIN')")
    Mono<PageView> search(@RequestParam(required = false) @Nullable String field,
            @RequestParam(required = false) @Nullable String city,
            @RequestParam(required = false) @Nullable CooperationMode mode,
            @RequestParam(required = false) @Nullable @Size(max = 100) String text,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal PlatformUser user) {
        return Mono.defer(() -> demands.search(user, new DemandSearch(field, city, mode, text),
                PageRequest.of(page, size, maxPageSize))).map(PageView::of);
    }

    private static Mono<ResponseEntity<DemandView>> answer(Mono<Demand> changed) {
        return changed.map(demand -> Versions.tagged(ResponseEntity.ok(), demand).body(own(demand)));
    }

    /** Whoever changed a demand may see all of it: its enterprise, or an administrator of its city. */
    private static DemandView own(Demand demand) {
        return DemandView.of(new Listing.Seen(demand, Exposure.FULL));
    }
}
