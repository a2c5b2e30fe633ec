package cn.innovationchina.demand.application;

import java.time.Clock;
import java.util.List;

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
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Mono;

/** Registers the caller's organisation as an enterprise: once per organisation, once per credit code. */
@Service
public class Enterprises {

    public record Registration(String name, String creditCode, String cityCode, @Nullable String divisionCode,
            String industry, EnterpriseSize size) {
    }

    private final AggregateStore store;
    private final EnterpriseDocuments documents;
    private final PilotCities cities;
    private final Divisions divisions;
    private final Clock clock;

    Enterprises(AggregateStore store, EnterpriseDocuments documents, PilotCities cities, Divisions divisions,
            Clock clock) {
        this.store = store;
        this.documents = documents;
        this.cities = cities;
        this.divisions = divisions;
        this.clock = clock;
    }

    public Mono<Enterprise> register(PlatformUser user, Registration registration) {
        return Mono.defer(() -> {
            var code = CreditCode.parse(registration.creditCode());
            var enterprise = Enterprise.register(user.organisationId(), registration.name(), code,
                    registration.cityCode(), registration.divisionCode(), registration.industry(), registration.size(),
                    cities, divisions, clock.instant());
            return documents.creditCodeTaken(code.value())
                    .flatMap(taken -> taken
                            ? Mono.error(new Conflict("Credit code " + code.value() + " is already registered"))
                            // No event: nothing outside this service needs a registration yet.
                            : store.create(EnterpriseDocument.of(enterprise), enterprise.id(), enterprise.cityCode(),
                                    List.of()))
                    .thenReturn(enterprise);
        });
    }

    public Mono<Enterprise> of(PlatformUser user) {
        return documents.find(user.organisationId()).map(EnterpriseDocument::toDomain)
                .switchIfEmpty(Mono.error(new NotFound("Enterprise", user.organisationId())));
    }
}
