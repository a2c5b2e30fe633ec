package cn.innovationchina.matching.application;

import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.persistence.ReadModels;
import cn.innovationchina.testkit.ServiceTest;

/**
 * A registration is written without reading the stored provider first; one that arrives after the provider has
 * already changed (a redelivery, or an instance's index group behind the service's) must not undo the change.
 */
@ServiceTest
class LateRegistrationTest {

    @Autowired
    ReadModels readModels;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    ProviderUpdates updates;

    private final String providerId = "p-late-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_registration_read_after_the_providers_update_leaves_the_update_in_place() {
        var updated = new Provider(providerId, provider("Prof. Gao").skills("updated skill").build(), true, 2);
        readModels.save(updated).block();

        updates.index(registration(provider("Prof. Gao").skills("first skill").build())).block();

        assertThat(readModels.provider(providerId).block().version()).isEqualTo(2);
        assertThat(catalog.provider(providerId)).get().satisfies(held -> {
            assertThat(held.version()).isEqualTo(2);
            assertThat(held.profile().skills()).containsExactly("updated skill");
        });
    }

    @Test
    void a_first_registration_is_stored_and_indexed() {
        var profile = provider("Prof. Shen").skills("first skill").build();

        updates.index(registration(profile)).block();

        var stored = readModels.provider(providerId).block();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.profile().skills()).containsExactly("first skill");
        assertThat(catalog.provider(providerId)).get().extracting(Provider::version).isEqualTo(1L);
    }

    private EventEnvelope<ProviderEvent> registration(ProviderProfile profile) {
        return EventEnvelope.<ProviderEvent>wrap(new ProviderRegistered(providerId, profile), providerId, 1,
                "XIANNING", new EventEnvelope.Tracing("test-" + providerId, null), "a-test", Instant.now());
    }
}
