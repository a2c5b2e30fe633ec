package cn.innovationchina.matching;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.RealInfrastructure;
import cn.innovationchina.testkit.ServiceTest;

/**
 * A demand's way through matching, and a provider's update, cost the same however many demands and match lists the
 * platform holds: every query they make is served by {@code _id} or by an index the Mongo stand-in really uses.
 */
@ServiceTest
class HotPathsTest {

    @RegisterExtension
    static final EventProbe events = EventProbe.watching(Topics.MATCH_EVENTS);

    @Autowired
    ReactiveMongoTemplate mongo;

    private final String word = "hot" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void ranking_a_published_demand_and_matching_an_updated_provider_read_no_collection_whole() {
        var bus = new Bus(mongo);
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Re").skills("electrolyser " + word).build()));
        var scans = RealInfrastructure.get().mongoScans();
        scans.clear();

        var demand = bus.publishes("d-" + word, enterprise("e-" + word, "Hot Path Co " + word, "91421200MA4XN0003K"),
                demand("Electrolyser " + word).build());
        events.expect(MatchesProposed.class, demand.aggregateId()).exactlyOnce();
        bus.awaitHandled(bus.updates("p-" + word, provider("Prof. Re").skills("electrolyser stacks " + word).build()));

        assertThat(scans.snapshot()).as("collections read whole on the hot path")
                .doesNotContainKeys("matching-service.demands", "matching-service.providers",
                        "matching-service.demandMatches", "matching-service.track_records");
    }
}
