package cn.innovationchina.demand.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.web.PageRequest;
import cn.innovationchina.demand.domain.ContactPerson;
import cn.innovationchina.demand.domain.Demand;
import cn.innovationchina.demand.domain.DemandRules;
import cn.innovationchina.demand.domain.DemandSearch;
import cn.innovationchina.demand.domain.DemandStatus;
import cn.innovationchina.demand.persistence.DemandDocument;
import cn.innovationchina.demand.persistence.DemandDocuments;
import cn.innovationchina.demand.persistence.EnterpriseDocument;
import cn.innovationchina.demand.persistence.EnterpriseDocuments;
import cn.innovationchina.demand.persistence.InvitationDocuments;
import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.problem.StaleVersion;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;
import cn.innovationchina.reference.FieldTaxonomy;
import reactor.core.publisher.Mono;

/**
 * The demand use cases: load what the caller may touch (anything else is a 404), let the aggregate decide, store
 * the new state and its events in one version-guarded write.
 */
@Service
public class Demands {

    private final AggregateStore store;
    private final DemandDocuments documents;
    private final EnterpriseDocuments enterprises;
    private final InvitationDocuments invitations;
    private final PilotCityList cities;
    private final DemandRules rules;
    private final Clock clock;

    Demands(AggregateStore store, DemandDocuments documents, EnterpriseDocuments enterprises,
            InvitationDocuments invitations, PilotCityList cities, FieldTaxonomy fields, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.enterprises = enterprises;
        this.invitations = invitations;
        this.cities = cities;
        this.rules = new DemandRules(fields);
        this.clock = clock;
    }

    /** {@code cityCode} as the request names it, if it does: only the enterprise's own city is accepted. */
    public Mono<Demand> draft(PlatformUser user, @Nullable String cityCode, DemandContent content,
            ContactPerson contact) {
        return enterprises.find(user.organisationId()).map(EnterpriseDocument::toDomain)
                .switchIfEmpty(Mono.error(() -> new Conflict("Organisation " + user.organisationId()
                        + " is not registered as an enterprise: POST /enterprises first")))
                .flatMap(enterprise -> {
                    var demand = Demand.draft("dmd-" + UUID.randomUUID(), enterprise, cityCode, content, contact,
                            rules, clock);
                    return store.create(DemandDocument.of(demand), demand.id(), demand.cityCode(), List.of())
                            .map(demand::atVersion);
                });
    }

    public Mono<Demand> change(PlatformUser user, String id, long expectedVersion, @Nullable String cityCode,
            DemandContent content, ContactPerson contact) {
        return decide(owned(user, id), expectedVersion,
                demand -> demand.change(cityCode, content, contact, rules, clock));
    }

    /** Whether the demand waits for review is the city's rule at the moment of submission. */
    public Mono<Demand> submit(PlatformUser user, String id, long expectedVersion) {
        return owned(user, id).flatMap(demand -> cities.reviewRequired(demand.cityCode())
                .flatMap(review -> decide(Mono.just(demand), expectedVersion, owned -> owned.submit(review, clock))));
    }

    public Mono<Demand> withdraw(PlatformUser user, String id, long expectedVersion, @Nullable String reason) {
        return decide(owned(user, id), expectedVersion, demand -> demand.withdraw(reason, clock));
    }

    public Mono<Demand> close(PlatformUser user, String id, long expectedVersion, ClosureReason closure,
            @Nullable String note) {
        return decide(owned(user, id), expectedVersion, demand -> demand.close(closure, note, clock));
    }

    public Mono<Demand> approve(PlatformUser admin, String id, long expectedVersion) {
        return decide(reviewed(admin, id), expectedVersion, demand -> demand.approve(clock));
    }

    public Mono<Demand> reject(PlatformUser admin, String id, long expectedVersion, String reason) {
        return decide(reviewed(admin, id), expectedVersion, demand -> demand.reject(reason, admin.subject(), clock));
    }

    /** The demand as the caller may see it; a demand the caller may not see does not exist for them. */
    public Mono<Listing.Seen> read(PlatformUser user, String id) {
        return load(id).flatMap(demand -> invited(user, demand)
                        .map(invited -> new Listing.Seen(demand, Exposure.of(user, demand, invited))))
                .filter(seen -> seen.exposure() != Exposure.HIDDEN)
                .switchIfEmpty(Mono.error(() -> new NotFound("Demand", id)));
    }

    /**
     * An enterprise lists its own demands, a city administrator its city's, a platform administrator every
     * city's (or one, with {@code cityCode}); drafts only ever to their enterprise.
     */
    public Mono<Listing> list(PlatformUser user, @Nullable DemandStatus status, @Nullable String cityCode,
            PageRequest page) {
        DemandDocuments.Filter filter;
        if (user.is(Role.ENTERPRISE)) {
            filter = new DemandDocuments.Filter(user.organisationId(), null, status, true);
        } else if (user.is(Role.CITY_ADMIN)) {
            filter = new DemandDocuments.Filter(null, user.cityCode(), status, false);
        } else {
            filter = new DemandDocuments.Filter(null, cityCode, status, false);
        }
        return documents.list(filter, page).map(found -> listing(user, found, page));
    }

    /**
     * Published demands for providers to find, each shown as much as the caller may see of it and found only by
     * what it shows; a confidential demand stays a summary in lists even to an invited provider, who opens it by
     * id. Of the roles that search, only a platform administrator sees confidential demands in full.
     */
    public Mono<Listing> search(PlatformUser user, DemandSearch search, PageRequest page) {
        return documents.searchPublished(search, user.is(Role.PLATFORM_ADMIN), page)
                .map(found -> listing(user, found, page));
    }

    private Listing listing(PlatformUser user, DemandDocuments.Page found, PageRequest page) {
        var items = found.items().stream().map(DemandDocument::toDomain)
                .map(demand -> new Listing.Seen(demand, Exposure.of(user, demand, false))).toList();
        return new Listing(items, page.page(), page.size(), found.total());
    }

    /** Whether the invitation matters: it opens a confidential demand, and a demand once it is no longer published. */
    private Mono<Boolean> invited(PlatformUser user, Demand demand) {
        if (!user.is(Role.EXPERT) || demand.status() == DemandStatus.PUBLISHED
                && demand.content().visibility() != Visibility.CONFIDENTIAL) {
            return Mono.just(false);
        }
        return invitations.isInvited(demand.id(), user.providerId());
    }

    private Mono<Demand> owned(PlatformUser user, String id) {
        return load(id).filter(demand -> user.actsFor(demand.ownerId()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Demand", id)));
    }

    /** Only the administrators of the demand's city review it; drafts are not theirs to see. */
    private Mono<Demand> reviewed(PlatformUser admin, String id) {
        return load(id).filter(demand -> admin.administers(demand.cityCode()) && demand.status() != DemandStatus.DRAFT)
                .switchIfEmpty(Mono.error(() -> new NotFound("Demand", id)));
    }

    private Mono<Demand> load(String id) {
        return documents.find(id).map(DemandDocument::toDomain);
    }

    /** A stale If-Match is refused before deciding, so the caller learns it read an old state (412, not 409). */
    private Mono<Demand> decide(Mono<Demand> loaded, long expectedVersion,
            Function<Demand, Decision<Demand>> decision) {
        return loaded.flatMap(demand -> {
            if (demand.version() != expectedVersion) {
                return Mono.error(new StaleVersion(DemandDocument.COLLECTION, demand.id(), expectedVersion));
            }
            Decision<Demand> decided = decision.apply(demand);
            Demand next = decided.state();
            return store.update(DemandDocument.of(next), next.id(), expectedVersion, next.cityCode(),
                    decided.events()).map(next::atVersion);
        });
    }
}
