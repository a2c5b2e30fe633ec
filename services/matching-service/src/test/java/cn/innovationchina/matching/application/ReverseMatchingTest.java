package cn.innovationchina.matching.application;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.matching.Profiles;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.DemandMatches;
import cn.innovationchina.matching.domain.Ranking;
import cn.innovationchina.matching.persistence.DailyProposalQuota;
import cn.innovationchina.matching.persistence.MatchStore;
import cn.innovationchina.matching.persistence.ReadModels;
import cn.innovationchina.testkit.ServiceTest;
import reactor.core.publisher.Flux;

/**
 * Reverse matching proposes a new provider to at most three open demands a day and reads only the open demands his
 * profile fits: a provider event costs the same however many demands are open. A handler retried after a failure runs
 * again with no marker to stop it, so on the same day it proposes nothing twice. A demand being ranked while the
 * provider arrives does not lose him.
 */
@ServiceTest
class ReverseMatchingTest {

    private static final int DAILY_CAP = 3;
    /** Many more than the cap: most demands he fits get no proposal from him today. */
    private static final int SUITED_DEMANDS = 50;
    private static final int OTHER_DEMANDS = 20;

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Matchmaker matchmaker;
    @Autowired
    ReadModels readModels;
    @Autowired
    OpenDemands openDemands;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    Ranking ranking;
    @Autowired
    MatchStore matches;
    @Autowired
    DailyProposalQuota quota;
    @Autowired
    Supplier<String> matchIds;
    @Autowired
    Clock clock;

    private final String word = "rv" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_new_provider_is_proposed_to_three_of_the_open_demands_he_fits_and_the_others_are_not_read() {
        List<String> suited = new ArrayList<>();
        for (int i = 0; i < SUITED_DEMANDS; i++) {
            String demandId = "d-" + i + "-" + word;
            matchmaker.published(demandPublished(demandId, demand(word).fields())).block();
            suited.add(demandId);
        }
        for (int i = 0; i < OTHER_DEMANDS; i++) {
            matchmaker.published(demandPublished("d-other-" + i + "-" + word,
                    demand("Dental implant surfaces " + i).fields("LIFE.MEDICAL_DEVICES"))).block();
        }
        var read = new ArrayList<String>();
        var countingReadModels = new ReadModels(mongo) {
            @Override
            public Flux<Demand> demands(List<String> ids) {
                return super.demands(ids).doOnNext(demand -> read.add(demand.id()));
            }
        };
        long open = countingReadModels.openDemands().count().block();
        var updates = new ProviderUpdates(countingReadModels, catalog, openDemands, ranking, matches, quota, matchIds,
                clock, DAILY_CAP);

        updates.on(providerRegistered("p-" + word)).block();

        assertThat(suited.stream().filter(id -> matches.find(id).block().involves("p-" + word)))
                .as("demands the provider was proposed to").hasSize(DAILY_CAP);
        assertThat(read).as("demands read, of %d open", open).isNotEmpty().allMatch(suited::contains);
    }

    @Test
    void a_registration_handled_twice_proposes_the_provider_once_to_each_demand_and_counts_each_proposal_once() {
        List<String> suited = List.of("d-once-1-" + word, "d-once-2-" + word);
        suited.forEach(id -> matchmaker.published(demandPublished(id, demand(word).fields())).block());
        var updates = new ProviderUpdates(readModels, catalog, openDemands, ranking, matches, quota, matchIds, clock,
                DAILY_CAP);
        var registered = providerRegistered("p-twice-" + word);

        updates.on(registered).block();
        updates.on(registered).block();

        for (String demandId : suited) {
            assertThat(matches.find(demandId).block().matches())
                    .filteredOn(match -> match.providerId().equals("p-twice-" + word))
                    .as("the provider's matches for %s", demandId).hasSize(1);
        }
        assertThat(quota.used("p-twice-" + word, LocalDate.now(clock)).block())
                .as("reverse proposals counted today").isEqualTo(suited.size());
    }

    @Test
    void a_provider_indexed_while_an_open_demand_is_being_ranked_without_him_joins_its_list_once_it_is_stored()
            throws Exception {
        String demandId = "d-racing-" + word;
        var published = demandPublished(demandId, demand(word).fields());
        var demand = new Demand(demandId, published.payload().enterprise(), "XIANNING", published.payload().content(),
                true, 1);
        // The demand's own ranking: stored open, then searched before the provider was indexed.
        readModels.save(demand).block();
        openDemands.put(demand);
        var rankedWithoutHim = ranking.rank(demand, catalog.candidates(demand).block());
        var updates = new ProviderUpdates(readModels, catalog, openDemands, ranking, matches, quota, matchIds, clock,
                DAILY_CAP);

        var reverseMatching = updates.on(providerRegistered("p-late-" + word)).toFuture();
        // The provider's event is handled while the demand's ranking has not stored its list yet.
        Thread.sleep(500);
        var none = DemandMatches.none(demand);
        matches.save(none, none.propose(rankedWithoutHim, MatchTrigger.DEMAND_PUBLISHED, demand, matchIds)).block();
        reverseMatching.get(30, TimeUnit.SECONDS);

        assertThat(rankedWithoutHim.proposals()).noneMatch(r -> r.provider().id().equals("p-late-" + word));
        assertThat(matches.find(demandId).block().involves("p-late-" + word))
                .as("the provider proposed to the demand ranked without him").isTrue();
    }

    private EventEnvelope<DemandPublished> demandPublished(String demandId, Profiles.DemandBuilder content) {
        var enterprise = enterprise("e-" + word, "Reverse Co " + word, "91421200MA4XN0004K");
        return EventEnvelope.wrap(new DemandPublished(demandId, enterprise, "XIANNING", content.build(),
                Instant.now()), demandId, 1, "XIANNING", tracing(demandId), "a-test", Instant.now());
    }

    private EventEnvelope<ProviderEvent> providerRegistered(String providerId) {
        var profile = provider("Prof. Ren").fields("NUCLEAR.FUSION").skills(word).build();
        return EventEnvelope.<ProviderEvent>wrap(new ProviderRegistered(providerId, profile), providerId, 1,
                "XIANNING", tracing(providerId), "a-test", Instant.now());
    }

    private static EventEnvelope.Tracing tracing(String aggregateId) {
        return new EventEnvelope.Tracing("test-" + aggregateId, null);
    }
}
