package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;

import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.ServiceTest;
import reactor.core.publisher.Mono;

/** Who may see and change what: another's demand answers 404, a role that may never act answers 403. */
@ServiceTest
class AuthorizationTest extends DemandScenario {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void another_enterprise_reading_a_demand_gets_404() {
        var demand = registeredEnterprise(REVIEWED_CITY).hasDrafted(hydrogen(REVIEWED_CITY));

        registeredEnterprise(REVIEWED_CITY).reads(demand).expect(404);
    }

    @Test
    void another_enterprise_submitting_a_demand_gets_404_and_nothing_changes() {
        var owner = registeredEnterprise(REVIEWED_CITY);
        var demand = owner.hasDrafted(hydrogen(REVIEWED_CITY));

        registeredEnterprise(REVIEWED_CITY).submits(demand).expect(404);

        assertThat(owner.reads(demand).ok().text("status")).isEqualTo("DRAFT");
    }

    @Test
    void several_users_of_one_enterprise_share_its_demands() {
        var colleague = registeredEnterprise(REVIEWED_CITY);
        var demand = colleague.hasDrafted(hydrogen(REVIEWED_CITY));
        colleagueOf(colleague).submits(demand).ok();
    }

    @Test
    void a_city_admin_rejects_a_demand_of_another_city_with_404() {
        var demand = submittedBy(registeredEnterprise(REVIEWED_CITY));

        cityAdmin("QUANZHOU").rejects(demand, "not ours").expect(404);
    }

    @Test
    void a_city_admin_approves_a_demand_of_another_city_with_404_and_nothing_is_published() {
        var demand = submittedBy(registeredEnterprise(REVIEWED_CITY));

        cityAdmin("QUANZHOU").approves(demand).expect(404);

        events().expect(DemandPublished.class, demand.id()).never();
    }

    @Test
    void a_city_admin_does_not_see_an_enterprises_drafts() {
        var draft = registeredEnterprise(REVIEWED_CITY).hasDrafted(hydrogen(REVIEWED_CITY));

        cityAdmin(REVIEWED_CITY).reads(draft).expect(404);
    }

    @Test
    void an_enterprise_may_not_approve_its_own_demand() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = submittedBy(enterprise);

        enterprise.approves(demand).expect(403);
    }

    @Test
    void an_expert_may_not_draft_a_demand() {
        var expert = expert();

        expert.call(HttpMethod.POST, "/demands", hydrogen(REVIEWED_CITY), null).expect(403);
    }

    @Test
    void an_expert_reads_a_published_demand_without_its_contact_person() {
        var demand = publishedBy(registeredEnterprise(UNREVIEWED_CITY), hydrogen(UNREVIEWED_CITY));

        var seen = expert().reads(demand).ok();

        assertThat(seen.text("background")).startsWith("Our 80 kW stacks");
        assertThat(seen.body()).doesNotContainKey("contact");
        assertThat(seen.etag()).isNull();
    }

    @Test
    void the_owner_and_the_city_admin_see_the_contact_person() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = submittedBy(enterprise);

        assertThat(enterprise.reads(demand).ok().text("contact.name")).isEqualTo("Li Wei");
        assertThat(cityAdmin(REVIEWED_CITY).reads(demand).ok().text("contact.phone")).isEqualTo("+86 715 000 0000");
    }

    @Test
    void an_expert_sees_only_title_fields_and_city_of_a_confidential_demand() {
        var demand = publishedBy(registeredEnterprise(UNREVIEWED_CITY),
                Drafts.with(hydrogen(UNREVIEWED_CITY), "visibility", "CONFIDENTIAL"));

        var seen = expert().reads(demand).ok();

        assertThat(seen.body()).containsOnlyKeys("id", "status", "cityCode", "title", "fieldCodes", "visibility");
    }

    @Test
    void an_expert_invited_by_matching_reads_the_whole_confidential_demand_but_not_its_contact() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, Drafts.with(hydrogen(UNREVIEWED_CITY), "visibility", "CONFIDENTIAL"));
        String providerId = "prv-invited-" + UUID.randomUUID();

        matchingInvites(providerId, demand, enterprise);

        var seen = Eventually.awaitState("the invitation to reach the demand service",
                () -> expertOf(providerId).reads(demand).ok(), reply -> reply.body().containsKey("background"));
        assertThat(seen.text("background")).startsWith("Our 80 kW stacks");
        assertThat(seen.body()).doesNotContainKey("contact");
        assertThat(expert().reads(demand).ok().body())
                .containsOnlyKeys("id", "status", "cityCode", "title", "fieldCodes", "visibility");
    }

    @Test
    void an_invitation_delivered_twice_is_recorded_once_and_still_opens_the_demand() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, Drafts.with(hydrogen(UNREVIEWED_CITY), "visibility", "CONFIDENTIAL"));
        String providerId = "prv-twice-" + UUID.randomUUID();

        matchingInvites(providerId, demand, enterprise);
        matchingInvites(providerId, demand, enterprise);

        Eventually.awaitState("the invitation to reach the demand service",
                () -> expertOf(providerId).reads(demand).ok(), reply -> reply.body().containsKey("background"));
        assertThat(invitationsOf(demand)).isOne();
    }

    @Test
    void an_expert_invited_to_a_demand_still_reads_it_once_it_is_closed_while_other_experts_no_longer_do() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));
        String providerId = "prv-contracted-" + UUID.randomUUID();
        matchingInvites(providerId, demand, enterprise);
        Eventually.awaitState("the invitation to reach the demand service", () -> invitationsOf(demand),
                count -> count == 1);

        enterprise.closes(demand, "FULFILLED_BY_CONTRACT", "signed with the invited lab").ok();

        var seen = expertOf(providerId).reads(demand).ok();
        assertThat(seen.text("status")).isEqualTo("CLOSED");
        assertThat(seen.text("background")).startsWith("Our 80 kW stacks");
        assertThat(seen.body()).doesNotContainKey("contact");
        expert().reads(demand).expect(404);
    }

    @Test
    void an_expert_does_not_see_a_demand_before_it_is_published() {
        var demand = submittedBy(registeredEnterprise(REVIEWED_CITY));

        expert().reads(demand).expect(404);
    }

    @Test
    void an_enterprise_lists_only_its_own_demands_drafts_included() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var mine = enterprise.hasDrafted(hydrogen(REVIEWED_CITY));
        var theirs = registeredEnterprise(REVIEWED_CITY).hasDrafted(hydrogen(REVIEWED_CITY));

        var listed = enterprise.lists("size=50").ok();

        assertThat(listed.itemIds()).containsExactly(mine.id()).doesNotContain(theirs.id());
        assertThat(listed.get("total")).isEqualTo(1);
    }

    @Test
    void a_city_admin_lists_the_submitted_demands_of_its_city_only() {
        var waiting = submittedBy(registeredEnterprise(REVIEWED_CITY));
        var elsewhere = registeredEnterprise("QUANZHOU");
        var other = elsewhere.hasDrafted(hydrogen("QUANZHOU"));
        elsewhere.submits(other).ok();

        var listed = cityAdmin(REVIEWED_CITY).lists("status=SUBMITTED&size=50").ok();

        assertThat(listed.items()).allSatisfy(item -> {
            assertThat(item.get("cityCode")).isEqualTo(REVIEWED_CITY);
            assertThat(item.get("status")).isEqualTo("SUBMITTED");
        });
        assertThat(listed.itemIds()).contains(waiting.id()).doesNotContain(other.id());
    }

    @Test
    void a_platform_admin_sees_demands_of_every_city() {
        var inXianning = submittedBy(registeredEnterprise(REVIEWED_CITY));
        var inWuhan = publishedBy(registeredEnterprise(UNREVIEWED_CITY), hydrogen(UNREVIEWED_CITY));

        platformAdmin().reads(inXianning).ok();
        platformAdmin().reads(inWuhan).ok();
        assertThat(platformAdmin().lists("city=" + UNREVIEWED_CITY + "&status=PUBLISHED&size=50").ok().items())
                .allSatisfy(item -> assertThat(item.get("cityCode")).isEqualTo(UNREVIEWED_CITY));
    }

    @Test
    void a_page_larger_than_the_cap_is_refused_naming_the_size() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        assertThat(enterprise.lists("size=51").invalidField()).isEqualTo("size");
        assertThat(expert().searches("size=500").invalidField()).isEqualTo("size");
    }

    private long invitationsOf(DemandRef demand) {
        return mongo.getCollection("invitations")
                .flatMap(c -> Mono.from(c.countDocuments(new Document("demandId", demand.id())))).block();
    }
}
