package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
