package cn.innovationchina.matching;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;

/** Demands and providers arrive as events on the real broker; proposals leave as MatchesProposed. */
@ServiceTest
class RankingOverTheBusTest {

    @RegisterExtension
    static final EventProbe events = EventProbe.watching(Topics.MATCH_EVENTS);

    private static final String CREDIT_CODE = "91421200MA4XN0002K";

    @Autowired
    ReactiveMongoTemplate mongo;

    private final String word = "kw" + UUID.randomUUID().toString().substring(0, 8);
    private final EnterpriseRef enterprise = enterprise("e-" + word, "Xianning Hydrogen " + word, CREDIT_CODE);

    @Test
    void a_published_demand_yields_matches_proposed_with_explanations() {
        var bus = bus();
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Li").fields("ENERGY.HYDROGEN")
                .skills("electrolyser " + word).summary("质子交换膜电解槽 " + word).build()));

        var demand = bus.publishes("d-" + word, enterprise, demand("Electrolyser " + word)
                .fields("ENERGY.HYDROGEN").build());

        var proposed = events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce().payload();
        assertThat(proposed.trigger()).isEqualTo(MatchTrigger.DEMAND_PUBLISHED);
        var first = proposed.proposals().get(0);
        assertThat(first.providerId()).isEqualTo("p-" + word);
        assertThat(first.explanation().matchedTerms()).contains(word);
        assertThat(first.explanation().matchedFieldCodes()).containsExactly("ENERGY.HYDROGEN");
        assertThat(first.explanation().location()).isEqualTo(LocationRelation.SAME_CITY);
        assertThat(first.explanation().freeCapacity()).isEqualTo(3);
        assertThat(first.explanation().summary()).isNotBlank();
    }

    @Test
    void providers_with_a_conflict_of_interest_or_no_capacity_never_appear() {
        var bus = bus();
        bus.awaitHandled(bus.registers("p-own-" + word, provider("Own lab").affiliation("Own", CREDIT_CODE)
                .skills(word).build()));
        bus.awaitHandled(bus.registers("p-declared-" + word, provider("Board member").declaresConflictWith(CREDIT_CODE)
                .skills(word).build()));
        bus.awaitHandled(bus.registers("p-full-" + word, provider("Full").capacity(0).skills(word).build()));
        bus.awaitHandled(bus.registers("p-free-" + word, provider("Free").skills(word).build()));

        var demand = bus.publishes("d-" + word, enterprise, demand("Stack " + word).build());

        var proposed = events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce().payload();
        assertThat(providerIds(proposed)).contains("p-free-" + word)
                .doesNotContain("p-own-" + word, "p-declared-" + word, "p-full-" + word);
    }

    @Test
    void when_nobody_qualifies_the_demand_is_proposed_as_unmatched_with_the_reason() {
        var bus = bus();
        bus.awaitHandled(bus.registers("p-own-" + word, provider("Own lab").affiliation("Own", CREDIT_CODE)
                .skills(word).build()));

        var demand = bus.publishes("d-" + word, enterprise, demand(word).fields().build());

        var proposed = events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce().payload();
        assertThat(proposed.proposals()).isEmpty();
        assertThat(proposed.unmatchedReason()).contains("conflict of interest");
    }

    @Test
    void a_redelivered_demand_proposes_nothing_twice() {
        var bus = bus();
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Wang").skills(word).build()));
        var demand = bus.publishes("d-" + word, enterprise, demand(word).build());

        bus.send(demand);

        events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce();
    }

    @Test
    void a_copy_of_an_already_ranked_demand_version_proposes_nothing() {
        var bus = bus();
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Zhao").skills(word).build()));
        var demand = bus.publishes("d-" + word, enterprise, demand(word).build());
        events.expect(MatchesProposed.class, demand.aggregateId()).atLeastOnce();

        var copy = bus.publishAt(demand.payload(), demand.aggregateId(), demand.aggregateVersion());

        bus.awaitHandled(copy);
        events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce();
    }

    @Test
    void a_revised_demand_is_ranked_again() {
        var bus = bus();
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Sun").skills(word).build()));
        var published = bus.publishes("d-" + word, enterprise, demand(word).build());
        events.expect(MatchesProposed.class, published.aggregateId()).atLeastOnce();

        bus.revises("d-" + word, enterprise, demand(word + " revised").build());

        var lists = awaitLists(published.aggregateId(), 2);
        assertThat(lists.get(1).payload().trigger()).isEqualTo(MatchTrigger.DEMAND_REVISED);
        assertThat(lists.get(1).payload().proposals().get(0).matchId())
                .isEqualTo(lists.get(0).payload().proposals().get(0).matchId());
    }

    @Test
    void a_profile_change_is_used_by_the_next_ranking() {
        var bus = bus();
        String before = word + "before";
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Qian").skills(before).build()));

        bus.awaitHandled(bus.updates("p-" + word, provider("Prof. Qian").skills(word).build()));

        var demand = bus.publishes("d-" + word, enterprise, demand(word).fields().build());
        var proposed = events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce().payload();
        assertThat(providerIds(proposed)).containsExactly("p-" + word);
    }

    @Test
    void an_older_profile_arriving_late_never_replaces_a_newer_one() {
        var bus = bus();
        String stale = word + "stale";
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Zhou").skills(stale).build()));
        bus.awaitHandled(bus.publishAt(new ProviderProfileUpdated("p-" + word, provider("Prof. Zhou").skills(word)
                .build()), "p-" + word, 3));

        bus.awaitHandled(bus.publishAt(new ProviderProfileUpdated("p-" + word, provider("Prof. Zhou").skills(stale)
                .build()), "p-" + word, 2));

        var demand = bus.publishes("d-" + word, enterprise, demand(word).fields().build());
        var proposed = events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce().payload();
        assertThat(providerIds(proposed)).containsExactly("p-" + word);
    }

    @Test
    void a_deactivated_provider_is_no_longer_proposed() {
        var bus = bus();
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Wu").skills(word).build()));

        bus.awaitHandled(bus.deactivates("p-" + word));

        var demand = bus.publishes("d-" + word, enterprise, demand(word).fields().build());
        assertThat(events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce().payload().proposals())
                .isEmpty();
    }

    @Test
    void a_new_provider_is_proposed_to_open_demands_where_it_enters_the_top_k_at_most_three_a_day() {
        var bus = bus();
        List<String> demandIds = List.of("d-1-" + word, "d-2-" + word, "d-3-" + word, "d-4-" + word);
        for (String demandId : demandIds) {
            var demand = bus.publishes(demandId, enterprise, demand(word).fields().build());
            events.expect(MatchesProposed.class, demand.aggregateId()).atLeastOnce();
        }

        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Feng").fields("NUCLEAR.FUSION").skills(word)
                .build()));

        EventProbe.settle();
        var lateProposals = demandIds.stream().flatMap(id -> events.seen(MatchesProposed.class, id).stream())
                .map(EventEnvelope::payload).filter(p -> p.trigger() == MatchTrigger.PROVIDER_CHANGED).toList();
        assertThat(lateProposals).hasSize(3)
                .allSatisfy(p -> assertThat(providerIds(p)).containsExactly("p-" + word));
    }

    private Bus bus() {
        return new Bus(mongo);
    }

    private static List<EventEnvelope<MatchesProposed>> awaitLists(String demandId, int count) {
        return Eventually.awaitState(count + " lists of " + demandId,
                () -> events.seen(MatchesProposed.class, demandId), lists -> lists.size() == count);
    }

    private static List<String> providerIds(MatchesProposed proposed) {
        return proposed.proposals().stream().map(Proposal::providerId).toList();
    }
}
