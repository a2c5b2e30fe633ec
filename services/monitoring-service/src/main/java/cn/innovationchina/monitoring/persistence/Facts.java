package cn.innovationchina.monitoring.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import cn.innovationchina.monitoring.domain.Fact;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read model: one document per event, {@code _id} = event id, so storing a redelivered event is a no-op and the
 * figures are the same however often the topics are replayed.
 */
@Repository
public class Facts implements InitializingBean {

    static final String COLLECTION = "facts";

    private final ReactiveMongoTemplate mongo;

    Facts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Reports read one city's facts by day, and the facts naming the city's providers. */
    @Override
    public void afterPropertiesSet() {
        var facts = mongo.indexOps(COLLECTION);
        facts.createIndex(new Index().on("cityCode", Sort.Direction.ASC).on("day", Sort.Direction.ASC)).block();
        facts.createIndex(new Index("providerId", Sort.Direction.ASC).named("providerId")).block();
        facts.createIndex(new Index("proposedProviderIds", Sort.Direction.ASC).named("proposedProviderIds")).block();
    }

    /** Stores the fact once; the same event again changes nothing and answers false. */
    public Mono<Boolean> record(Fact fact) {
        return mongo.insert(FactDocument.of(fact), COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
    }

    /** A city's facts up to the day {@code to}. */
    public Flux<Fact> ofCity(String cityCode, LocalDate to) {
        return upTo(Criteria.where("cityCode").is(cityCode), to);
    }

    /**
     * The facts naming any of these providers, in any city, up to the day {@code to}. A fact names its providers in
     * one field or the other (only a proposal names several), so a query by each field's index finds each fact once;
     * not one {@code $or} of both, which the Mongo stand-in answers by reading every fact.
     */
    public Flux<Fact> naming(Collection<String> providerIds, LocalDate to) {
        return Flux.concat(upTo(Criteria.where("providerId").in(providerIds), to),
                upTo(Criteria.where("proposedProviderIds").in(providerIds), to));
    }

    /** Every city's facts up to the day {@code to}. */
    public Flux<Fact> upTo(LocalDate to) {
        return upTo(Criteria.where("cityCode").ne(null), to);
    }

    /** Days are ISO dates, so they sort as strings. */
    private Flux<Fact> upTo(Criteria facts, LocalDate to) {
        return mongo.find(Query.query(facts.and("day").lte(to.toString())), FactDocument.class, COLLECTION)
                .map(FactDocument::toFact);
    }

    @Document
    record FactDocument(@Id String id, String type, @Nullable String cityCode, String day, Instant occurredAt,
            @Nullable String demandId, @Nullable String title, List<String> fieldCodes, int proposals,
            int crossRegionProposals, long valueCny, boolean crossRegion, @Nullable String providerId,
            @Nullable List<String> proposedProviderIds, int capacity, boolean verified) {

        static FactDocument of(Fact fact) {
            return new FactDocument(fact.eventId(), fact.type(), fact.cityCode(), fact.day().toString(),
                    fact.occurredAt(), fact.demandId(), fact.title(), fact.fieldCodes(), fact.proposals(),
                    fact.crossRegionProposals(), fact.valueCny(), fact.crossRegion(), fact.providerId(),
                    fact.proposedProviderIds(), fact.capacity(), fact.verified());
        }

        Fact toFact() {
            return new Fact(id, type, cityCode, LocalDate.parse(day), occurredAt, demandId, title,
                    fieldCodes == null ? List.of() : fieldCodes, proposals, crossRegionProposals, valueCny,
                    crossRegion, providerId, proposedProviderIds == null ? List.of() : proposedProviderIds, capacity,
                    verified);
        }
    }
}
