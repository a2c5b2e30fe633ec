package cn.innovationchina.demand.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.innovationchina.demand.domain.CreditCode;
import cn.innovationchina.demand.domain.Enterprise;
import cn.innovationchina.demand.domain.EnterpriseSize;
import cn.innovationchina.demand.persistence.EnterpriseDocument;
import cn.innovationchina.demand.persistence.EnterpriseDocuments;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.reference.Divisions;
import reactor.core.publisher.Mono;

/** Registers the caller's organisation as an enterprise: once per organisation, once per credit code. */
@Service
public class Enterprises {

    public record Registration(String name, String creditCode, String cityCode, @Nullable String divisionCode,
            String industry, EnterpriseSize size) {
    }

    private final AggregateStore store;
    private final EnterpriseDocuments documents;
    private final PilotCityList cities;
    private final Divisions divisions;
    private final Clock clock;

    Enterprises(AggregateStore store, EnterpriseDocuments documents, PilotCityList cities, Divisions divisions,
            Clock clock) {
        this.store = store;
        this.documents = documents;
        this.cities = cities;
        this.divisions = divisions;
        this.clock = clock;
    }

    /** In the city the user's token names, if it is a pilot city now. */
    public Mono<Enterprise> register(PlatformUser user, Registration registration) {
        return Mono.defer(() -> {
            var code = CreditCode.parse(registration.creditCode());
            return cities.lookUp(registration.cityCode()).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .map(city -> Enterprise.register(user.organisationId(), user.cityCode(), registration.name(),
                            code, registration.cityCode(), registration.divisionCode(), city.orElse(null),
                            registration.industry(), registration.size(), divisions, clock.instant()));
        }).flatMap(enterprise -> {
            String credit = enterprise.creditCode().value();
            return documents.creditCodeTaken(credit)
                    .flatMap(taken -> taken
                            ? Mono.error(new Conflict("Credit code " + credit + " is already registered"))
                            // No event: nothing outside this service needs a registration yet.
                            : store.create(EnterpriseDocument.of(enterprise), enterprise.id(), enterprise.cityCode(),
                                    List.of()))
                    .thenReturn(enterprise);
        });
    }

    public Mono<Enterprise> of(PlatformUser user) {
        return documents.find(user.organisationId()).map(EnterpriseDocument::toDomain)
                .switchIfEmpty(Mono.error(() -> new NotFound("Enterprise", user.organisationId())));
    }
}
