package cn.innovationchina.matching;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.Topics;
import cn.innovationchina.matching.application.ProviderCatalog;
import cn.innovationchina.testkit.AnotherInstance;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;

/**
 * Two matching-service instances share the demand partitions; each keeps its own index, so a provider registered
 * or changed a moment ago is proposed whichever instance ranks the demand (ADR 0014).
 */
@ServiceTest
class ScaleOutTest {

    @RegisterExtension
    static final EventProbe events = EventProbe.watching(Topics.MATCH_EVENTS);

    static AnotherInstance second;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ProviderCatalog catalog;

    private final String word = "kw" + UUID.randomUUID().toString().substring(0, 8);

    /** Takes the first instance as a parameter so it is up before the second joins. */
    @BeforeAll
    static void startSecondInstance(@Autowired ProviderCatalog first) {
        second = AnotherInstance.of(MatchingServiceApplication.class, "matching.instance-id=second");
        AnotherInstance.awaitPartitionsSharedBy(2, "matching-service", Topics.DEMAND_EVENTS);
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void a_new_provider_is_proposed_by_whichever_instance_ranks_the_demand() {
        var bus = new Bus(mongo);
        bus.registers("p-" + word, provider("Prof. Tang").skills(word).build());
        awaitIndexedByBothInstances("p-" + word, 1);

        for (String demandId : AnotherInstance.oneKeyPerPartition(word)) {
            var demand = bus.publishes(demandId, enterprise("e-" + word, "Suzhou Optics " + word,
                    "91320500MA1XN0003K"), demand(word).fields().build());

            var proposed = events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce().payload();
            assertThat(proposed.proposals()).extracting(Proposal::providerId).containsExactly("p-" + word);
        }
    }

    @Test
    void a_profile_change_reaches_the_index_of_both_instances() {
        var bus = new Bus(mongo);
        String changed = word + "changed";
        bus.registers("p-" + word, provider("Prof. Guo").skills(word).build());
        bus.updates("p-" + word, provider("Prof. Guo").skills(changed).build());
        awaitIndexedByBothInstances("p-" + word, 2);

        for (String demandId : AnotherInstance.oneKeyPerPartition(word)) {
            var demand = bus.publishes(demandId, enterprise("e-" + word, "Wuxi Sensors " + word,
                    "91320200MA1XN0004K"), demand(changed).fields().build());

            var proposed = events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce().payload();
            assertThat(proposed.proposals()).extracting(Proposal::providerId).containsExactly("p-" + word);
        }
    }

    private void awaitIndexedByBothInstances(String providerId, long version) {
        for (ProviderCatalog instance : List.of(catalog, second.bean(ProviderCatalog.class))) {
            Eventually.awaitState(providerId + " v" + version + " indexed", () -> instance.provider(providerId),
                    held -> held.isPresent() && held.get().version() == version);
        }
    }
}
