package cn.innovationchina.matching.application;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.innovationchina.matching.Bus;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.persistence.OpenDemandIndex;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.matching.persistence.ReadModels;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.testkit.ServiceTest;

/** A restarted instance starts with empty indexes and rebuilds them from the read models. */
@ServiceTest
class ProviderCatalogRestartTest {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ReadModels readModels;
    @Autowired
    FieldTaxonomy fields;

    @Test
    void a_restarted_catalog_finds_the_providers_known_before_the_restart() {
        String word = "rs" + UUID.randomUUID().toString().substring(0, 8);
        var bus = new Bus(mongo);
        bus.awaitHandled(bus.registers("p-" + word, provider("Prof. Yang").skills(word).build()));

        try (var freshIndex = new ProviderIndex(fields)) {
            var restarted = new ProviderCatalog(freshIndex, readModels, fields, 200);
            restarted.afterPropertiesSet();

            var demand = new Demand("d-" + word, enterprise("e-" + word, "Any", "91421200MA4XN0009K"), "XIANNING",
                    demand(word).fields().build(), true, 1);
            assertThat(restarted.candidates(demand).block()).extracting(c -> c.provider().id())
                    .containsExactly("p-" + word);
        }
    }

    @Test
    void a_restarted_instance_reverse_matches_with_the_open_demands_known_before_the_restart() {
        String word = "ro" + UUID.randomUUID().toString().substring(0, 8);
        var open = new Demand("d-" + word, enterprise("e-" + word, "Any", "91421200MA4XN0009K"), "XIANNING",
                demand(word).fields().build(), true, 1);
        var ended = new Demand("d-ended-" + word, open.enterprise(), "XIANNING", demand(word).fields().build(), false,
                2);
        readModels.save(open).then(readModels.save(ended)).block();
        var newcomer = new Provider("p-" + word, provider("Prof. Gao").skills(word).build(), true, 1);

        try (var freshProviders = new ProviderIndex(fields);
                var freshDemands = new OpenDemandIndex(fields, freshProviders)) {
            var restarted = new OpenDemands(freshDemands, readModels, 100);
            restarted.afterPropertiesSet();

            // Other tests' open demands in his field follow it: found by the field alone.
            assertThat(restarted.fitting(newcomer).block()).startsWith("d-" + word)
                    .doesNotContain("d-ended-" + word);
        }
    }
}
