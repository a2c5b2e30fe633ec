package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderAvailabilityChanged;
import cn.innovationchina.events.ProviderDeactivated;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.events.ProviderVerified;

class ProviderLifecycleTest extends Scenario {

    @Test
    void an_expert_registers_its_profile_and_matching_hears_of_it_without_contact_data() {
        var expert = given.anExpert();

        expert.saves(Profiles.hydrogenExpert(), null)
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.contact.email").isEqualTo(Profiles.EMAIL)
                .jsonPath("$.verification").isEqualTo("UNVERIFIED");

        var registered = events.expect(ProviderRegistered.class, expert.id).exactlyOnce();
        assertThat(registered.payload().profile().name()).isEqualTo("张伟");
        assertThat(registered.payload().profile().kind()).isEqualTo(ProviderKind.EXPERT);
        assertThat(registered.payload().profile().fieldCodes()).containsExactly("ENERGY.HYDROGEN");
        assertThat(registered.cityCode()).isEqualTo("WUHAN");
        assertThat(registered.payload().profile().divisionCode()).as("the division of its pilot city")
                .isEqualTo("420100");
        assertNoContactDataPublishedFor(expert.id);
    }

    @Test
    void a_provider_in_changsha_registers_with_its_own_city() {
        var expert = given.anExpert();

        expert.saves(Profiles.with(Profiles.locatedIn(Profiles.hydrogenExpert(), "430100"), "regionsServed",
                        List.of("430000", "YANGTZE_MIDDLE")), null)
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.profile.divisionCode").isEqualTo("430100")
                .jsonPath("$.profile.regionsServed[0]").isEqualTo("430000");

        var registered = events.expect(ProviderRegistered.class, expert.id).exactlyOnce();
        assertThat(registered.payload().profile().divisionCode()).isEqualTo("430100");
        assertThat(registered.payload().profile().cityCode()).isNull();
        assertThat(registered.cityCode()).as("in no pilot city's service group").isNull();
        expert.readsOwnProfile().expectStatus().isOk()
                .expectBody().jsonPath("$.profile.divisionCode").isEqualTo("430100");
    }

    @Test
    void an_expert_revises_its_profile_and_matching_gets_the_whole_new_profile() {
        var expert = given.anExpert();
        String etag = expert.registers(Profiles.hydrogenExpert());

        expert.saves(Profiles.with(Profiles.hydrogenExpert(), "skills", List.of("燃料电池", "电堆寿命")), etag)
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");

        var updated = events.expect(ProviderProfileUpdated.class, expert.id).exactlyOnce();
        assertThat(updated.payload().profile().skills()).containsExactly("燃料电池", "电堆寿命");
        assertThat(updated.aggregateVersion()).isEqualTo(2);
        assertNoContactDataPublishedFor(expert.id);
    }

    @Test
    void changing_only_the_contact_details_publishes_nothing() {
        var expert = given.aRegisteredExpert();

        expert.saves(Profiles.with(Profiles.hydrogenExpert(), "email", "new.address@example.cn"), expert.etag())
                .expectStatus().isOk()
                .expectBody().jsonPath("$.contact.email").isEqualTo("new.address@example.cn");

        events.expect(ProviderProfileUpdated.class, expert.id).never();
    }

    @Test
    void an_expert_going_on_leave_tells_matching_until_when() {
        var expert = given.aRegisteredExpert();
        String back = LocalDate.now().plusDays(30).toString();

        expert.changesAvailability("ON_LEAVE", back).expectStatus().isOk()
                .expectBody().jsonPath("$.profile.availability").isEqualTo("ON_LEAVE");

        var changed = events.expect(ProviderAvailabilityChanged.class, expert.id).exactlyOnce();
        assertThat(changed.payload().availability()).isEqualTo(Availability.ON_LEAVE);
        assertThat(changed.payload().until()).isEqualTo(LocalDate.parse(back));
    }

    @Test
    void going_on_leave_without_a_return_date_is_refused_naming_until() {
        var expert = given.aRegisteredExpert();

        expert.changesAvailability("ON_LEAVE", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("until");
    }

    @Test
    void going_on_leave_for_more_than_ten_years_is_refused_naming_until() {
        var expert = given.aRegisteredExpert();

        for (String until : List.of("+999999999-12-31", LocalDate.now().plusYears(10).plusDays(2).toString())) {
            expert.changesAvailability("ON_LEAVE", until).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("until");
        }
        expert.changesAvailability("ON_LEAVE", LocalDate.now().plusYears(10).minusDays(1).toString())
                .expectStatus().isOk();
    }

    @Test
    void a_platform_admin_verifies_a_provider_once() {
        var expert = given.aRegisteredExpert();
        var admin = given.platformAdmin();

        admin.verifies(expert.id).expectStatus().isOk().expectBody().jsonPath("$.profile.verified").isEqualTo(true);
        admin.verifies(expert.id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("VERIFIED");

        var verified = events.expect(ProviderVerified.class, expert.id).exactlyOnce();
        assertThat(verified.payload().verifiedBy()).isEqualTo("platform-admin");
    }

    @Test
    void an_expert_deactivates_its_profile_and_can_no_longer_change_it() {
        var expert = given.aRegisteredExpert();

        expert.deactivates("退休").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DEACTIVATED");
        expert.changesAvailability("BUSY", null).expectStatus().isEqualTo(409);

        var deactivated = events.expect(ProviderDeactivated.class, expert.id).exactlyOnce();
        assertThat(deactivated.payload().reason()).isEqualTo("退休");
        assertNoContactDataPublishedFor(expert.id);
    }

    @Test
    void a_write_based_on_a_stale_version_is_refused_with_412() {
        var expert = given.anExpert();
        String first = expert.registers(Profiles.hydrogenExpert());
        expert.registers(Profiles.with(Profiles.hydrogenExpert(), "capacity", 4));

        expert.saves(Profiles.with(Profiles.hydrogenExpert(), "capacity", 5), first)
                .expectStatus().isEqualTo(412);
        expert.readsOwnProfile().expectBody().jsonPath("$.profile.capacity").isEqualTo(4);
    }

    @Test
    void a_change_of_an_existing_profile_without_if_match_is_refused_with_428_naming_the_header() {
        var expert = given.aRegisteredExpert();
        var admin = given.platformAdmin();

        expert.saves(Profiles.with(Profiles.hydrogenExpert(), "capacity", 5), null).expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
        expert.put("/providers/" + expert.id + "/availability", Map.of("availability", "BUSY"), null)
                .expectStatus().isEqualTo(428);
        expert.post("/providers/" + expert.id + "/deactivation", null, null).expectStatus().isEqualTo(428);
        admin.post("/providers/" + expert.id + "/verification", null, null).expectStatus().isEqualTo(428);

        expert.readsOwnProfile().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.profile.capacity").isEqualTo(3);
        events.expect(ProviderProfileUpdated.class, expert.id).never();
    }

    @Test
    void properties_the_server_owns_are_ignored_when_a_client_sends_them() {
        var expert = given.anExpert();
        var forged = Profiles.with(Profiles.with(Profiles.with(Profiles.with(Profiles.hydrogenExpert(),
                "verification", "VERIFIED"), "verified", true), "version", 99), "completeness", 100);

        expert.saves(Profiles.with(forged, "id", "PRV-SOMEONE-ELSE"), null).expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo(expert.id)
                .jsonPath("$.verification").isEqualTo("UNVERIFIED")
                .jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void an_expert_sees_how_complete_its_profile_is_and_what_to_add() {
        var expert = given.anExpert();
        var thin = Profiles.with(Profiles.with(Profiles.hydrogenExpert(), "achievements", List.of()),
                "languages", List.of());

        expert.saves(thin, null).expectStatus().isCreated()
                .expectBody().jsonPath("$.completeness.score").isEqualTo(80)
                .jsonPath("$.completeness.missing[*].field").isEqualTo(List.of("achievements", "languages"));
    }
}
