package cn.innovationchina.demand.application;

import org.springframework.stereotype.Service;

import cn.innovationchina.demand.domain.PilotCity;
import cn.innovationchina.demand.persistence.PilotCityDocument;
import cn.innovationchina.demand.persistence.PilotCityDocuments;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.problem.StaleVersion;
import cn.innovationchina.reference.Divisions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pilot-city list the platform administrator keeps (ADR 0033). Every decision that depends on a city reads its
 * document afresh, one read by {@code _id}: no copy in memory can be stale on another instance.
 */
@Service
public class PilotCityList {

    private final AggregateStore store;
    private final PilotCityDocuments documents;
    private final Divisions divisions;

    PilotCityList(AggregateStore store, PilotCityDocuments documents, Divisions divisions) {
        this.store = store;
        this.documents = documents;
        this.divisions = divisions;
    }

    public Flux<PilotCity> all() {
        return documents.all().map(PilotCityDocument::toDomain);
    }

    public Mono<PilotCity> find(String code) {
        return documents.find(code).map(PilotCityDocument::toDomain)
                .switchIfEmpty(Mono.error(() -> new NotFound("Pilot city", code)));
    }

    /** The city of that code, or nothing when it is not a pilot city. */
    public Mono<PilotCity> lookUp(String code) {
        return documents.find(code).map(PilotCityDocument::toDomain);
    }

    /** As the city says now; a city not on the list (none should be) reviews, which is the safe side. */
    public Mono<Boolean> reviewRequired(String code) {
        return lookUp(code).map(PilotCity::reviewRequired).defaultIfEmpty(true);
    }

    /** A new pilot city; a code already on the list is a 409. */
    public Mono<PilotCity> designate(String code, PilotCity.Terms terms) {
        return Mono.defer(() -> {
            Decision<PilotCity> decided = PilotCity.designate(code, terms, divisions);
            PilotCity city = decided.state();
            return administratorsFree(city).then(store.create(PilotCityDocument.of(city), city.code(), city.code(),
                    decided.events())).map(city::atVersion);
        });
    }

    /** The city's whole new terms, if it is still at the version the caller read (else 412). */
    public Mono<PilotCity> change(String code, long expectedVersion, PilotCity.Terms terms) {
        return find(code).flatMap(current -> {
            if (current.version() != expectedVersion) {
                return Mono.error(new StaleVersion(PilotCityDocument.COLLECTION, code, expectedVersion));
            }
            Decision<PilotCity> decided = current.change(terms, divisions);
            PilotCity next = decided.state();
            return administratorsFree(next).then(store.update(PilotCityDocument.of(next), code, expectedVersion,
                    code, decided.events())).map(next::atVersion);
        });
    }

    /** Seeds one city of the reference list, unless it is on the list already (or another instance seeds it now). */
    Mono<Void> seed(String code, PilotCity.Terms terms) {
        return documents.find(code).hasElement().flatMap(listed -> listed ? Mono.empty()
                : designate(code, terms).onErrorResume(Conflict.class, alreadySeeded -> Mono.empty()).then());
    }

    /**
     * A city administrator's token names one city, so a user administers at most one. Two concurrent writes could
     * still both pass this check; the development issuer then signs the user in for the first city listed.
     */
    private Mono<Void> administratorsFree(PilotCity city) {
        if (city.administrators().isEmpty()) {
            return Mono.empty();
        }
        return documents.administeredByAnyOf(city.administrators(), city.code()).next()
                .flatMap(other -> {
                    String taken = city.administrators().stream().filter(other.administrators()::contains)
                            .findFirst().orElseThrow();
                    return Mono.<Void>error(new InvalidInput("administrators",
                            taken + " already administers " + other.code() + "; a user administers one city"));
                });
    }
}
