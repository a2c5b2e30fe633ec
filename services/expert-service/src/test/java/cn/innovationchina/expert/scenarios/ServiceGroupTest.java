package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import cn.innovationchina.events.ProviderProfileUpdated;

class ServiceGroupTest extends Scenario {

    private static String members(Actors.Caller caller, Actors.Expert group) {
        return caller.get("/providers/" + group.id + "/members").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void a_society_adds_a_registered_expert_and_matching_hears_which_group_it_serves_in() {
        var society = given.aSociety();
        var expert = given.aRegisteredExpert();

        String answer = society.put("/providers/" + society.id + "/members/" + expert.id, "", null)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).contains("\"memberOf\":\"" + society.id + "\"").doesNotContain(Profiles.EMAIL);
        var updated = events.expect(ProviderProfileUpdated.class, expert.id).exactlyOnce();
        assertThat(updated.payload().profile().memberOf()).isEqualTo(society.id);
        assertThat(members(given.enterprise(), society)).contains(expert.id);
    }

    @Test
    void an_expert_leaves_its_group() {
        var society = given.aSociety();
        var expert = given.aRegisteredExpert();
        society.put("/providers/" + society.id + "/members/" + expert.id, "", null).expectStatus().isOk();

        http.delete().uri("/providers/" + society.id + "/members/" + expert.id)
                .headers(h -> h.setBearerAuth(expert.token)).exchange().expectStatus().isNoContent();

        assertThat(members(given.enterprise(), society)).doesNotContain(expert.id);
    }

    @Test
    void an_expert_is_a_member_of_one_group_at_most() {
        var first = given.aSociety();
        var second = given.aSociety();
        var expert = given.aRegisteredExpert();
        first.put("/providers/" + first.id + "/members/" + expert.id, "", null).expectStatus().isOk();

        second.put("/providers/" + second.id + "/members/" + expert.id, "", null).expectStatus().isEqualTo(409);
    }

    @Test
    void only_the_society_itself_adds_members_and_a_plain_expert_has_none() {
        var society = given.aSociety();
        var expert = given.aRegisteredExpert();
        var other = given.aRegisteredExpert();

        other.put("/providers/" + society.id + "/members/" + expert.id, "", null).expectStatus().isNotFound();
        other.put("/providers/" + other.id + "/members/" + expert.id, "", null).expectStatus().isForbidden();
    }

    @Test
    void a_society_nobody_verified_cannot_add_a_member() {
        var selfDeclared = given.anUnverifiedSociety();
        var expert = given.aRegisteredExpert();
        given.platformAdmin().verifies(expert.id).expectStatus().isOk();

        selfDeclared.put("/providers/" + selfDeclared.id + "/members/" + expert.id, "", null)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("verified"));

        expert.readsOwnProfile().expectBody().jsonPath("$.profile.memberOf").doesNotExist();
        var society = given.aSociety();
        society.put("/providers/" + society.id + "/members/" + expert.id, "", null).expectStatus().isOk();
    }

    @Test
    void a_verified_expert_that_turns_itself_into_a_society_must_be_verified_again_before_it_adds_members() {
        var expert = given.aRegisteredExpert();
        var admin = given.platformAdmin();
        admin.verifies(expert.id).expectStatus().isOk();
        var member = given.aRegisteredExpert();

        expert.saves(Profiles.with(Profiles.hydrogenExpert(), "kind", "SOCIETY"), expert.etag()).expectStatus().isOk()
                .expectBody().jsonPath("$.verification").isEqualTo("UNVERIFIED")
                .jsonPath("$.profile.verified").isEqualTo(false);

        var updated = events.expect(ProviderProfileUpdated.class, expert.id).exactlyOnce();
        assertThat(updated.payload().profile().verified()).as("matching hears it is no longer verified").isFalse();
        expert.put("/providers/" + expert.id + "/members/" + member.id, "", null).expectStatus().isEqualTo(409);
        admin.verifies(expert.id).expectStatus().isOk();
        expert.put("/providers/" + expert.id + "/members/" + member.id, "", null).expectStatus().isOk();
    }

    @Test
    void a_society_with_members_stays_a_society_until_it_lets_them_go() {
        var society = given.aSociety();
        var member = given.aRegisteredExpert();
        society.put("/providers/" + society.id + "/members/" + member.id, "", null).expectStatus().isOk();

        society.saves(Profiles.with(Profiles.society(), "kind", "SERVICE_ORG"), society.etag())
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        society.saves(Profiles.with(Profiles.society(), "kind", "INSTITUTE"), society.etag()).expectStatus().isOk();

        http.delete().uri("/providers/" + society.id + "/members/" + member.id)
                .headers(h -> h.setBearerAuth(society.token)).exchange().expectStatus().isNoContent();
        society.saves(Profiles.with(Profiles.society(), "kind", "SERVICE_ORG"), society.etag()).expectStatus().isOk();
    }

    @Test
    void a_profile_change_that_keeps_the_kind_keeps_the_verification() {
        var society = given.aSociety();

        society.saves(Profiles.with(Profiles.society(), "capacity", 30), society.etag()).expectStatus().isOk()
                .expectBody().jsonPath("$.verification").isEqualTo("VERIFIED");
    }
}
