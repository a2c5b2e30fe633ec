package cn.innovationchina.demand.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.innovationchina.demand.application.PilotCityList;
import cn.innovationchina.demand.domain.PilotCity;
import cn.innovationchina.demand.domain.PilotCityStatus;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.web.ETags;
import cn.innovationchina.reference.Division;
import cn.innovationchina.reference.Divisions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * The pilot-city list: every signed-in user reads it, the platform administrator designates and changes cities
 * (a change needs the city's ETag in If-Match). Its administrators' user names are shown to those who administer
 * the city.
 */
@RestController
@RequestMapping("/pilot-cities")
class PilotCityController {

    /** A city as the platform administrator writes it; {@code code} on a change may only repeat the path's. */
    record PilotCityRequest(@Nullable String code, @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn, @NotBlank String divisionCode, @NotNull Integer batch,
            @NotNull Boolean reviewRequired, @Size(max = 50) @Nullable List<@NotBlank String> administrators) {

        PilotCity.Terms terms() {
            return new PilotCity.Terms(nameZh, nameEn, divisionCode, batch, reviewRequired,
                    administrators == null ? List.of() : administrators);
        }
    }

    /** The province and region are those of the city's division, as the reference data names them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PilotCityView(String code, String nameZh, String nameEn, String divisionCode, String provinceZh,
            String provinceEn, String region, int batch, boolean reviewRequired, @Nullable List<String> administrators,
            PilotCityStatus status, long version) {
    }

    /** The whole list, by batch and code. */
    record PilotCityListView(List<PilotCityView> cities) {
    }

    private final PilotCityList cities;
    private final Divisions divisions;

    PilotCityController(PilotCityList cities, Divisions divisions) {
        this.cities = cities;
        this.divisions = divisions;
    }

    @GetMapping
    Mono<PilotCityListView> list(@AuthenticationPrincipal PlatformUser user) {
        return cities.all().map(city -> view(city, user)).collectList().map(PilotCityListView::new);
    }

    @GetMapping("/{code}")
    Mono<ResponseEntity<PilotCityView>> read(@PathVariable String code, @AuthenticationPrincipal PlatformUser user) {
        return cities.find(code).map(city -> tagged(ResponseEntity.ok(), city).body(view(city, user)));
    }

    @PostMapping
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    Mono<ResponseEntity<PilotCityView>> designate(@Valid @RequestBody PilotCityRequest request,
            @AuthenticationPrincipal PlatformUser user) {
        return Mono.defer(() -> cities.designate(request.code(), request.terms()))
                .map(city -> tagged(ResponseEntity.created(URI.create("/pilot-cities/" + city.code())), city)
                        .body(view(city, user)));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    Mono<ResponseEntity<PilotCityView>> change(@PathVariable String code, @Valid @RequestBody PilotCityRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return Mono.defer(() -> {
            if (request.code() != null && !request.code().equals(code)) {
                throw new InvalidInput("code", "a pilot city's code never changes: " + code);
            }
            return cities.change(code, ETags.requiredIfMatch(ifMatch, "pilot city"), request.terms());
        }).map(city -> tagged(ResponseEntity.ok(), city).body(view(city, user)));
    }

    private PilotCityView view(PilotCity city, PlatformUser user) {
        var division = divisions.find(city.divisionCode());
        return new PilotCityView(city.code(), city.nameZh(), city.nameEn(), city.divisionCode(),
                division.map(Division::provinceZh).orElse(null), division.map(Division::provinceEn).orElse(null),
                division.map(Division::zone).orElse(null), city.batch(), city.reviewRequired(),
                user.administers(city.code()) ? city.administrators() : null, city.status(), city.version());
    }

    private static ResponseEntity.BodyBuilder tagged(ResponseEntity.BodyBuilder response, PilotCity city) {
        return response.eTag(ETags.of(city.version()));
    }
}
