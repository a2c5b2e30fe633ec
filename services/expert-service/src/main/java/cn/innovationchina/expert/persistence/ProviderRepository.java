package cn.innovationchina.expert.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.expert.domain.ProviderSearch;
import cn.innovationchina.expert.domain.ProviderStatus;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.outbox.AggregateStore;
import cn.innovationchina.platform.web.PageRequest;
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Mono;

/** Providers in MongoDB: reads by query, writes only through the {@link AggregateStore} (state and events together). */
@Repository
public class ProviderRepository {

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;
    private final PilotCities cities;

    ProviderRepository(ReactiveMongoTemplate mongo, AggregateStore store, PilotCities cities) {
        this.mongo = mongo;
        this.store = store;
        this.cities = cities;
    }

    /** Which providers a search found on the page asked for, and how many it found in all. */
    public record Found(List<Provider> items, long total) {
    }

    public Mono<Provider> find(String id) {
        return mongo.findById(id, Document.class, ProviderDocument.COLLECTION).map(this::toProvider);
    }

    /** Fails with {@code Conflict} if the id is taken. */
    public Mono<Provider> create(Provider provider, List<? extends DomainEvent> events) {
        return store.create(ProviderDocument.from(provider), provider.id(), provider.profile().cityCode(), events)
                .map(provider::atVersion);
    }

    /**
     * Registers new providers, each with the events of its decision, in one write; answers the ids registered (an id
     * already taken is left out).
     */
    public Mono<Set<String>> createAll(List<Decision<Provider>> registrations) {
        return store.createAll(registrations.stream().map(registration -> new AggregateStore.NewAggregate(
                ProviderDocument.from(registration.state()), registration.state().id(),
                registration.state().profile().cityCode(), registration.events())).toList());
    }

    /** Fails with {@code StaleVersion} if the stored provider is no longer at {@code expectedVersion}. */
    public Mono<Provider> update(Provider provider, long expectedVersion, List<? extends DomainEvent> events) {
        return store.update(ProviderDocument.from(provider), provider.id(), expectedVersion,
                provider.profile().cityCode(), events).map(provider::atVersion);
    }

    /** Which of these ids are already taken. */
    public Mono<Set<String>> existing(Collection<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        return mongo.find(query, Document.class, ProviderDocument.COLLECTION).map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
    }

    public Mono<Found> search(ProviderSearch search, PageRequest page) {
        Query query = Query.query(criteria(search));
        return mongo.count(query, ProviderDocument.class).flatMap(total -> mongo
                .find(Query.of(query).with(Sort.by(profile(StoredProfile.NAME), "_id")).skip(page.offset())
                        .limit(page.size()), Document.class, ProviderDocument.COLLECTION)
                .map(this::toProvider).collectList()
                .map(items -> new Found(items, total)));
    }

    private Provider toProvider(Document stored) {
        return mongo.getConverter().read(ProviderDocument.class, stored).toProvider(stored, cities);
    }

    private static String profile(String field) {
        return ProviderDocument.PROFILE + "." + field;
    }

    private static Criteria criteria(ProviderSearch search) {
        var all = new ArrayList<Criteria>();
        all.add(Criteria.where("status").is(ProviderStatus.ACTIVE));
        if (search.fieldCode() != null) {
            all.add(Criteria.where(profile(StoredProfile.FIELD_CODES)).is(search.fieldCode()));
        }
        for (ProviderSearch.Place place : search.places()) {
            var located = new ArrayList<Criteria>();
            if (place.cityCode() != null) {
                located.add(Criteria.where(profile(StoredProfile.CITY_CODE)).is(place.cityCode()));
            }
            located.add(Criteria.where(profile(StoredProfile.DIVISION_CODE)).is(place.divisionCode()));
            located.add(Criteria.where(profile(StoredProfile.REGIONS_SERVED)).in(place.areas()));
            all.add(new Criteria().orOperator(located));
        }
        if (search.kind() != null) {
            all.add(Criteria.where(profile(StoredProfile.KIND)).is(search.kind().name()));
        }
        if (search.availability() != null) {
            all.add(Criteria.where("availability").is(search.availability()));
        }
        if (search.memberOf() != null) {
            all.add(Criteria.where("memberOf").is(search.memberOf()));
        }
        if (search.text() != null) {
            all.add(Criteria.where("searchText")
                    .regex(Pattern.compile(Pattern.quote(search.text().toLowerCase(Locale.ROOT)))));
        }
        return new Criteria().andOperator(all);
    }
}
