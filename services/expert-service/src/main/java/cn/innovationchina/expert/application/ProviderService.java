package cn.innovationchina.expert.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.expert.domain.ProfileDraft;
import cn.innovationchina.expert.domain.ProfileRules;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.expert.domain.ProviderSearch;
import cn.innovationchina.expert.persistence.ProviderDocument;
import cn.innovationchina.expert.persistence.ProviderRepository;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.web.PageRequest;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.problem.PreconditionRequired;
import cn.innovationchina.platform.problem.StaleVersion;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;
import cn.innovationchina.reference.Division;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Mono;

/**
 * The provider use cases: load, check who may act, let the aggregate decide, store state and events together.
 * A provider the caller may not see is "not found", so ids are never confirmed (ADR 0005).
 */
@Service
public class ProviderService {

    private final ProviderRepository providers;
    private final ProfileRules rules;
    private final PilotCities cities;
    private final Divisions divisions;
    private final Clock clock;

    ProviderService(ProviderRepository providers, ProfileRules rules, PilotCities cities, Divisions divisions,
            Clock clock) {
        this.providers = providers;
        this.rules = rules;
        this.cities = cities;
        this.divisions = divisions;
        this.clock = clock;
    }

    /** The result of a PUT: the provider and whether this call registered it. */
    public record Saved(Provider provider, boolean registered) {
    }

    /**
     * An expert registers its own profile with its first PUT and revises it with the next ones (ADR 0010), each
     * based on the version it read ({@code expectedVersion}, required once the profile exists).
     */
    public Mono<Saved> save(PlatformUser user, String id, ProfileDraft draft, @Nullable Long expectedVersion) {
        if (!user.isProvider(id)) {
            return Mono.error(new NotFound("Provider", id));
        }
        return Mono.fromCallable(() -> rules.require(draft)).flatMap(accepted -> providers.find(id)
                .flatMap(current -> {
                    if (expectedVersion == null) {
                        return Mono.error(new PreconditionRequired("provider"));
                    }
                    return keepsItsKindWhileItLeadsMembers(current, accepted.profile().kind())
                            .then(Mono.defer(() -> store(current, expectedVersion,
                                    p -> p.revise(accepted.profile(), accepted.contact()))))
                            .map(p -> new Saved(p, false));
                })
                .switchIfEmpty(Mono.defer(() -> {
                    var decision = Provider.register(id, null, null, accepted.profile(), accepted.contact());
                    return providers.create(decision.state(), decision.events()).map(p -> new Saved(p, true));
                })));
    }

    /** The provider itself and platform administrators see everything; others see active profiles only. */
    public Mono<Provider> read(PlatformUser user, String id) {
        if (user.is(Role.EXPERT) && !user.isProvider(id)) {
            return Mono.error(new NotFound("Provider", id));
        }
        return providers.find(id)
                .filter(p -> p.isActive() || user.isProvider(id) || user.is(Role.PLATFORM_ADMIN))
                .switchIfEmpty(Mono.error(() -> new NotFound("Provider", id)));
    }

    public Mono<Provider> changeAvailability(PlatformUser user, String id, Availability availability,
            @Nullable LocalDate until, long expectedVersion) {
        return own(user, id).flatMap(current -> store(current, expectedVersion,
                p -> p.changeAvailability(availability, until, LocalDate.now(clock))));
    }

    public Mono<Provider> verify(PlatformUser administrator, String id, long expectedVersion) {
        return providers.find(id).switchIfEmpty(Mono.error(() -> new NotFound("Provider", id)))
                .flatMap(current -> store(current, expectedVersion, p -> p.verify(administrator.subject())));
    }

    /** The provider itself or a platform administrator. */
    public Mono<Provider> deactivate(PlatformUser user, String id, @Nullable String reason, long expectedVersion) {
        Mono<Provider> current = user.is(Role.PLATFORM_ADMIN)
                ? providers.find(id).switchIfEmpty(Mono.error(() -> new NotFound("Provider", id)))
                : own(user, id);
        return current.flatMap(p -> store(p, expectedVersion, q -> q.deactivate(reason)));
    }

    public Mono<ProviderPage> search(@Nullable String fieldCode, @Nullable String cityCode,
            @Nullable String divisionCode, @Nullable ProviderKind kind, @Nullable Availability availability,
            @Nullable String text, PageRequest page) {
        return Mono.fromCallable(() -> criteria(fieldCode, places(cityCode, divisionCode), kind, availability, null,
                text)).flatMap(search -> found(search, page));
    }

    /** The providers located in a city or serving its region, for that city's administrator. */
    public Mono<ProviderPage> servingCity(PlatformUser administrator, String cityCode, PageRequest page) {
        if (!administrator.administers(cityCode)) {
            return Mono.error(new NotFound("City", cityCode));
        }
        return Mono.fromCallable(() -> criteria(null, places(cityCode, null), null, null, null, null))
                .flatMap(search -> found(search, page));
    }

    /**
     * A society or institute with members stays one: under another kind its members would belong to no group that
     * leads them (ADR 0010). It lets them go first.
     */
    private Mono<Void> keepsItsKindWhileItLeadsMembers(Provider current, ProviderKind newKind) {
        if (!current.leadsExpertGroup() || newKind == ProviderKind.SOCIETY || newKind == ProviderKind.INSTITUTE) {
            return Mono.empty();
        }
        return found(criteria(null, List.of(), null, null, current.id(), null), PageRequest.of(0, 1))
                .flatMap(members -> members.total() == 0 ? Mono.empty() : Mono.error(new Conflict(current.id()
                        + " leads " + members.total() + " members: it lets them go before it becomes a " + newKind)));
    }

    /** A society's or institute's member experts: those it onboarded or added. */
    public Mono<ProviderPage> members(String organisationId, PageRequest page) {
        return providers.find(organisationId)
                .filter(Provider::leadsExpertGroup)
                .switchIfEmpty(Mono.error(() -> new NotFound("Provider", organisationId)))
                .map(p -> criteria(null, List.of(), null, null, organisationId, null))
                .flatMap(search -> found(search, page));
    }

    /** The verified society or institute the caller acts for adds a registered expert to its group. */
    public Mono<Provider> admit(PlatformUser user, String organisationId, String memberId) {
        return group(user, organisationId).doOnNext(Provider::requireVerifiedToEnrol)
                .then(providers.find(memberId).switchIfEmpty(Mono.error(() -> new NotFound("Provider", memberId))))
                .flatMap(member -> store(member, null, p -> p.joinGroup(organisationId)));
    }

    /** The group lets a member go, or the member itself leaves. */
    public Mono<Provider> release(PlatformUser user, String organisationId, String memberId) {
        Mono<Provider> member = user.isProvider(memberId) ? providers.find(memberId)
                : group(user, organisationId).then(providers.find(memberId));
        return member.switchIfEmpty(Mono.error(() -> new NotFound("Provider", memberId)))
                .flatMap(p -> store(p, null, q -> q.leaveGroup(organisationId)));
    }

    private Mono<Provider> group(PlatformUser user, String organisationId) {
        if (!user.isProvider(organisationId)) {
            return Mono.error(new NotFound("Provider", organisationId));
        }
        return providers.find(organisationId).switchIfEmpty(Mono.error(() -> new NotFound("Provider", organisationId)))
                .filter(Provider::leadsExpertGroup)
                .switchIfEmpty(Mono.error(() ->
                        new AccessDeniedException("Only an active society or institute has members")));
    }

    private Mono<ProviderPage> found(ProviderSearch search, PageRequest page) {
        return providers.search(search, page)
                .map(found -> new ProviderPage(found.items(), page.page(), page.size(), found.total()));
    }

    private ProviderSearch criteria(@Nullable String fieldCode, List<ProviderSearch.Place> places,
            @Nullable ProviderKind kind, @Nullable Availability availability, @Nullable String memberOf,
            @Nullable String text) {
        String needle = text == null || text.isBlank() ? null : text.strip();
        return new ProviderSearch(fieldCode, places, kind, availability, memberOf, needle);
    }

    private List<ProviderSearch.Place> places(@Nullable String cityCode, @Nullable String divisionCode) {
        List<ProviderSearch.Place> places = new ArrayList<>();
        if (cityCode != null) {
            var city = cities.find(cityCode).orElseThrow(() -> new InvalidInput("city", "is not a pilot city: "
                    + cityCode));
            places.add(place(cityCode, divisions.find(city.divisionCode()).orElseThrow()));
        }
        if (divisionCode != null) {
            places.add(place(null, divisions.find(divisionCode).orElseThrow(() -> new InvalidInput("division",
                    "is not a division of China (a GB/T 2260 code such as 430100): " + divisionCode))));
        }
        return places;
    }

    private static ProviderSearch.Place place(@Nullable String cityCode, Division division) {
        return new ProviderSearch.Place(cityCode, division.code(), List.of(division.provinceCode(), division.zone()));
    }

    private Mono<Provider> own(PlatformUser user, String id) {
        if (!user.isProvider(id)) {
            return Mono.error(new NotFound("Provider", id));
        }
        return providers.find(id).switchIfEmpty(Mono.error(() -> new NotFound("Provider", id)));
    }

    /**
     * Decides on the loaded provider, then writes guarded by the version the client read, or by the loaded one for
     * a change that states its whole result (a membership) and so was not based on a read. A stale version is
     * refused before deciding, so the caller learns it read an old state (412, not 409).
     */
    private Mono<Provider> store(Provider current, @Nullable Long expectedVersion,
            Function<Provider, Decision<Provider>> decide) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            return Mono.error(new StaleVersion(ProviderDocument.COLLECTION, current.id(), expectedVersion));
        }
        Decision<Provider> decision = decide.apply(current);
        return providers.update(decision.state(), current.version(), decision.events());
    }
}
