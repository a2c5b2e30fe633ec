package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProviderAccessTest extends Scenario {

    @Test
    void an_expert_cannot_read_another_experts_profile() {
        var someone = given.aRegisteredExpert();
        var other = given.anExpert();

        other.get("/providers/" + someone.id).expectStatus().isNotFound();
    }

    @Test
    void an_expert_cannot_write_another_experts_profile_even_with_its_current_etag() {
        var someone = given.aRegisteredExpert();
        var other = given.anExpert();
        String etag = someone.etag();

        other.put("/providers/" + someone.id, Profiles.hydrogenExpert(), etag).expectStatus().isNotFound();
        other.put("/providers/" + someone.id + "/availability", Map.of("availability", "BUSY"), etag)
                .expectStatus().isNotFound();
        other.post("/providers/" + someone.id + "/deactivation", null, etag).expectStatus().isNotFound();
    }

    @Test
    void an_enterprise_sees_the_public_profile_without_contact_data() {
        var expert = given.aRegisteredExpert();

        String body = given.enterprise().get("/providers/" + expert.id).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("张伟").doesNotContain(Profiles.EMAIL).doesNotContain(Profiles.PHONE)
                .doesNotContain("contact");
    }

    @Test
    void search_results_never_show_contact_data() {
        String skill = "双极板" + Actors.newId("");
        var expert = given.anExpert();
        expert.registers(Profiles.with(Profiles.hydrogenExpert(), "skills", List.of(skill)));

        String body = given.enterprise().get("/providers?field=ENERGY.HYDROGEN&text=" + skill).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains(expert.id).doesNotContain(Profiles.EMAIL).doesNotContain(Profiles.PHONE);
    }

    @Test
    void whom_a_provider_declares_conflicts_with_is_seen_by_itself_and_the_platform_administrator_only() {
        String skill = "膜电极" + Actors.newId("");
        var expert = given.anExpert();
        expert.registers(Profiles.with(Profiles.hydrogenExpert(), "skills", List.of(skill)));
        String conflict = "91420100MA4K2N3P7Q";

        for (var caller : List.of(given.enterprise(), given.cityAdmin("WUHAN"))) {
            assertThat(caller.get("/providers/" + expert.id).expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody()).contains("张伟").doesNotContain(conflict)
                    .doesNotContain("conflictCreditCodes");
            assertThat(caller.get("/providers?text=" + skill).expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody()).contains(expert.id).doesNotContain(conflict);
        }
        assertThat(given.cityAdmin("WUHAN").get("/cities/WUHAN/providers?size=100").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain(conflict);
        expert.readsOwnProfile().expectStatus().isOk()
                .expectBody().jsonPath("$.profile.conflictCreditCodes[0]").isEqualTo(conflict);
        given.platformAdmin().get("/providers/" + expert.id).expectStatus().isOk()
                .expectBody().jsonPath("$.profile.conflictCreditCodes[0]").isEqualTo(conflict);
    }

    @Test
    void only_a_platform_admin_verifies() {
        var expert = given.aRegisteredExpert();

        expert.verifies(expert.id).expectStatus().isForbidden();
        given.cityAdmin("WUHAN").verifies(expert.id).expectStatus().isForbidden();
        given.enterprise().verifies(expert.id).expectStatus().isForbidden();
    }

    @Test
    void only_an_expert_keeps_a_profile() {
        given.enterprise().put("/providers/PRV-ANY", Profiles.hydrogenExpert(), null).expectStatus().isForbidden();
        given.platformAdmin().put("/providers/PRV-ANY", Profiles.hydrogenExpert(), null).expectStatus().isForbidden();
    }

    @Test
    void a_city_admin_lists_the_providers_located_in_or_serving_its_city() {
        var inJiaxing = given.anExpert();
        inJiaxing.registers(Profiles.with(Profiles.with(Profiles.hydrogenExpert(), "cityCode", "JIAXING"),
                "regionsServed", List.of()));
        var servingTheRegion = given.anExpert();
        servingTheRegion.registers(Profiles.with(Profiles.with(Profiles.hydrogenExpert(), "cityCode", "BEIJING"),
                "regionsServed", List.of("EAST_COAST")));
        var livingInJiaxing = given.anExpert();
        livingInJiaxing.registers(Profiles.with(Profiles.locatedIn(Profiles.hydrogenExpert(), "330400"),
                "regionsServed", List.of()));
        var elsewhere = given.anExpert();
        elsewhere.registers(Profiles.with(Profiles.with(Profiles.hydrogenExpert(), "cityCode", "GUANGZHOU"),
                "regionsServed", List.of("SOUTH_COAST")));

        String body = given.cityAdmin("JIAXING").get("/cities/JIAXING/providers?size=100").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains(inJiaxing.id, servingTheRegion.id, livingInJiaxing.id).doesNotContain(elsewhere.id)
                .doesNotContain(Profiles.EMAIL);
    }

    @Test
    void a_city_admin_cannot_list_another_citys_providers() {
        given.cityAdmin("XIANNING").get("/cities/SHENZHEN/providers").expectStatus().isNotFound();
        given.enterprise().get("/cities/XIANNING/providers").expectStatus().isForbidden();
    }

    @Test
    void a_deactivated_provider_disappears_from_public_view_but_its_owner_still_sees_it() {
        var expert = given.aRegisteredExpert();
        expert.deactivates("暂停服务").expectStatus().isOk();

        given.enterprise().get("/providers/" + expert.id).expectStatus().isNotFound();
        expert.readsOwnProfile().expectStatus().isOk();
    }

    @Test
    void a_call_without_a_token_is_refused() {
        http.get().uri("/providers").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
