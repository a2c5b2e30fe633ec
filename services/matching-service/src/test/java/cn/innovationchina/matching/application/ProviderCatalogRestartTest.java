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
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.matching.persistence.ReadModels;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.testkit.ServiceTest;

/** A restarted instance starts with an empty index and rebuilds it from the providers read model. */
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
}
