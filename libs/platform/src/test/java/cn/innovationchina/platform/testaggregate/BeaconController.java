package cn.innovationchina.platform.testaggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.platform.observability.ContextLogging;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class BeaconController {

    record LightBeacon(@NotBlank @Size(max = 40) String title, @NotBlank String cityCode, @Max(10) int brightness,
            @Nullable List<String> tags) {
    }

    private static final Logger log = LoggerFactory.getLogger(BeaconController.class);

    private final AggregateStore store;
    private final ReactiveMongoTemplate mongo;

    BeaconController(AggregateStore store, ReactiveMongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @PostMapping("/beacons/{id}")
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<ResponseEntity<Beacon>> light(@PathVariable String id, @Valid @RequestBody LightBeacon request,
            @AuthenticationPrincipal PlatformUser user) {
        if (request.title().contains("!")) {
            return Mono.error(new InvalidInput("title", "must not shout"));
        }
        var beacon = new Beacon(id, request.title(), request.cityCode(), "lit by " + user.organisationId(), null);
        var submitted = new DemandSubmitted(id, user.organisationId(), request.cityCode(), request.title(),
                List.of("IT.AI"), false);
        return ContextLogging.log(() -> log.info("Lighting beacon {}", id))
                .then(store.create(beacon, id, request.cityCode(), List.of(submitted)))
                .map(version -> ResponseEntity.status(HttpStatus.CREATED).eTag("\"" + version + "\"")
                        .body(new Beacon(id, beacon.title(), beacon.cityCode(), beacon.note(), version)));
    }

    @PostMapping("/beacons/{id}/raise")
    @PreAuthorize("hasRole('ENTERPRISE')")
    Mono<ResponseEntity<Void>> raise(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        long expected = ETags.requiredIfMatch(ifMatch, "beacon");
        return mongo.findById(id, Beacon.class)
                .switchIfEmpty(Mono.error(new NotFound("Beacon", id)))
                .flatMap(beacon -> store.update(new Beacon(id, beacon.title(), beacon.cityCode(), null, null), id,
                        expected, beacon.cityCode(), List.of(published(beacon))))
                .map(version -> ResponseEntity.noContent().eTag("\"" + version + "\"").build());
    }

    @GetMapping("/beacons")
    Flux<Beacon> near(@RequestParam @Size(max = 20) String near) {
        return mongo.findAll(Beacon.class).filter(beacon -> beacon.cityCode().equals(near));
    }

    @GetMapping("/beacons/{id}")
    Mono<Beacon> read(@PathVariable String id) {
        return mongo.findById(id, Beacon.class).switchIfEmpty(Mono.error(new NotFound("Beacon", id)));
    }

    /** A failure nobody foresaw, after a trip to the store as a real handler's would be. */
    @GetMapping("/beacons/{id}/lamp")
    Mono<Beacon> lamp(@PathVariable String id) {
        return mongo.findById(id, Beacon.class).then(Mono.error(new IllegalStateException("the lamp of " + id
                + " broke at /opt/secret/lamp.conf")));
    }

    private static DemandPublished published(Beacon beacon) {
        return new DemandPublished(beacon.id(), new EnterpriseRef("e", "Beacon Works", "91420000000000000X", "420100"),
                beacon.cityCode(), new DemandContent(beacon.title(), "", List.of("light"), "", List.of("IT.AI"),
                        List.of(), List.of(), new BudgetRange(null, null), LocalDate.of(2030, 1, 1),
                        Visibility.PUBLIC, null),
                Instant.now());
    }
}
