package cn.innovationchina.demand.web;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.demand.application.Enterprises;
import cn.innovationchina.demand.domain.Enterprise;
import cn.innovationchina.demand.domain.EnterpriseSize;
import cn.innovationchina.platform.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** An enterprise user registers the organisation their token acts for, once. */
@RestController
@RequestMapping("/enterprises")
class EnterpriseController {

    record Registration(@NotBlank @Size(max = 200) String name, @NotBlank String creditCode,
            @NotBlank String cityCode, @Nullable String divisionCode, @NotBlank @Size(max = 100) String industry,
            @NotNull EnterpriseSize size) {
    }

    record EnterpriseView(String id, String name, String creditCode, String cityCode, @Nullable String divisionCode,
            String industry, EnterpriseSize size, Instant registeredAt) {

        static EnterpriseView of(Enterprise enterprise) {
            return new EnterpriseView(enterprise.id(), enterprise.name(), enterprise.creditCode().value(),
                    enterprise.cityCode(), enterprise.divisionCode(), enterprise.industry(), enterprise.size(),
                    enterprise.registeredAt());
        }
    }

    private final Enterprises enterprises;

    EnterpriseController(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @PostMapping
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<ResponseEntity<EnterpriseView>> register(@Valid @RequestBody Registration registration,
            @AuthenticationPrincipal PlatformUser user) {
        return enterprises.register(user, new Enterprises.Registration(registration.name(), registration.creditCode(),
                registration.cityCode(), registration.divisionCode(), registration.industry(), registration.size()))
                .map(enterprise -> ResponseEntity.created(URI.create("/enterprises/me"))
                        .body(EnterpriseView.of(enterprise)));
    }

    @GetMapping("/me")
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<EnterpriseView> mine(@AuthenticationPrincipal PlatformUser user) {
        return enterprises.of(user).map(EnterpriseView::of);
    }
}
