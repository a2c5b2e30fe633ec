package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.DemandClosed;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRejected;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.Topics;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.ServiceTest;

@ServiceTest
class DemandLifecycleTest extends DemandScenario {

    @Test
    void a_new_demand_is_a_private_draft_that_publishes_nothing() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        var reply = enterprise.drafts(hydrogen(REVIEWED_CITY)).expect(201);

        assertThat(reply.text("status")).isEqualTo("DRAFT");
        assertThat(reply.etag()).isEqualTo("\"1\"");
        assertThat(reply.headers().getLocation()).hasToString("/demands/" + reply.text("id"));
        events().expect(DemandSubmitted.class, reply.text("id")).never();
    }

    @Test
    void a_demand_may_name_a_whole_area_and_keywords_as_long_as_real_ones() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var keyword = "low-platinum catalyst layers and roll-to-roll coating of membrane electrode assemblies"
                + " for heavy-duty fuel cell trucks";

        var reply = enterprise.drafts(Drafts.with(Drafts.with(hydrogen(REVIEWED_CITY), "fieldCodes",
                List.of("MATERIALS", "ENERGY.HYDROGEN")), "keywords", List.of(keyword.substring(0, 100)))).expect(201);

        assertThat(reply.get("fieldCodes")).isEqualTo(List.of("MATERIALS", "ENERGY.HYDROGEN"));
        assertThat(reply.get("keywords")).isEqualTo(List.of(keyword.substring(0, 100)));
    }

    @Test
    void a_draft_is_edited_without_an_event() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(REVIEWED_CITY));

        var reply = enterprise.edits(draft, Drafts.with(hydrogen(REVIEWED_CITY), "title", "Better title")).ok();

        assertThat(reply.text("title")).isEqualTo("Better title");
        assertThat(reply.text("status")).isEqualTo("DRAFT");
        EventProbe.settle();
        assertThat(events().records(Topics.DEMAND_EVENTS)).noneMatch(r -> draft.id().equals(r.key()));
    }

    @Test
    void submitting_in_a_city_that_reviews_waits_for_the_city_admin() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(REVIEWED_CITY));

        assertThat(enterprise.submits(draft).ok().text("status")).isEqualTo("SUBMITTED");

        var submitted = events().expect(DemandSubmitted.class, draft.id()).exactlyOnce();
        assertThat(submitted.payload().enterpriseId()).isEqualTo(enterprise.organisationId());
        assertThat(submitted.payload().cityCode()).isEqualTo(REVIEWED_CITY);
        assertThat(submitted.payload().fieldCodes()).containsExactly("ENERGY.HYDROGEN");
        assertThat(submitted.payload().reviewRequired()).isTrue();
        assertThat(submitted.cityCode()).isEqualTo(REVIEWED_CITY);
        events().expect(DemandPublished.class, draft.id()).never();
    }

    @Test
    void submitting_in_a_city_without_review_publishes_at_once_in_one_write() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(UNREVIEWED_CITY));

        assertThat(enterprise.submits(draft).ok().text("status")).isEqualTo("PUBLISHED");

        var submitted = events().expect(DemandSubmitted.class, draft.id()).exactlyOnce();
        var published = events().expect(DemandPublished.class, draft.id()).exactlyOnce();
        assertThat(submitted.payload().reviewRequired()).isFalse();
        assertThat(List.of(submitted.aggregateVersion(), published.aggregateVersion())).containsExactly(2L, 3L);
        assertThat(events().typesInOrder(Topics.DEMAND_EVENTS, draft.id()))
                .containsExactly("DemandSubmitted", "DemandPublished");
        assertThat(draft.etag()).isEqualTo("\"3\"");
    }

    @Test
    void the_city_admin_approves_a_submitted_demand_and_it_is_published_once_with_its_content() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = submittedBy(enterprise);

        assertThat(cityAdmin(REVIEWED_CITY).approves(demand).ok().text("status")).isEqualTo("PUBLISHED");

        var published = events().expect(DemandPublished.class, demand.id()).exactlyOnce().payload();
        assertThat(published.enterprise().enterpriseId()).isEqualTo(enterprise.organisationId());
        assertThat(published.enterprise().creditCode()).hasSize(18);
        assertThat(published.cityCode()).isEqualTo(REVIEWED_CITY);
        assertThat(published.content().title()).startsWith("氢燃料电池电堆寿命提升");
        assertThat(published.content().keyProblems()).hasSize(2);
        assertThat(published.content().budget().maxCny()).isEqualTo(2_000_000L);
        assertThat(published.content().visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(published.publishedAt()).isNotNull();
    }

    @Test
    void the_city_admin_rejects_a_submitted_demand_with_a_reason_the_enterprise_reads() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = submittedBy(enterprise);

        cityAdmin(REVIEWED_CITY).rejects(demand, "Key problems too vague to match").ok();

        var rejected = events().expect(DemandRejected.class, demand.id()).exactlyOnce().payload();
        assertThat(rejected.reason()).isEqualTo("Key problems too vague to match");
        assertThat(rejected.rejectedBy()).isEqualTo("admin-of-" + REVIEWED_CITY);
        assertThat(rejected.enterpriseId()).isEqualTo(enterprise.organisationId());
        var seen = enterprise.reads(demand).ok();
        assertThat(seen.text("status")).isEqualTo("REJECTED");
        assertThat(seen.text("rejectionReason")).isEqualTo("Key problems too vague to match");
    }

    @Test
    void a_published_demand_is_revised_stays_published_and_announces_its_whole_new_content() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));

        var reply = enterprise.edits(demand, Drafts.with(hydrogen(UNREVIEWED_CITY), "keyProblems",
                List.of("membrane degradation", "catalyst loss", "cold start at -30 °C"))).ok();

        assertThat(reply.text("status")).isEqualTo("PUBLISHED");
        assertThat(reply.get("revision")).isEqualTo(1);
        var revised = events().expect(DemandRevised.class, demand.id()).exactlyOnce().payload();
        assertThat(revised.revision()).isEqualTo(1);
        assertThat(revised.content().keyProblems()).contains("cold start at -30 °C").hasSize(3);
        assertThat(revised.enterprise().enterpriseId()).isEqualTo(enterprise.organisationId());
    }

    @Test
    void the_enterprise_withdraws_a_published_demand() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));

        assertThat(enterprise.withdraws(demand, "solved in house").ok().text("status")).isEqualTo("WITHDRAWN");

        var withdrawn = events().expect(DemandWithdrawn.class, demand.id()).exactlyOnce().payload();
        assertThat(withdrawn.reason()).isEqualTo("solved in house");
        assertThat(withdrawn.cityCode()).isEqualTo(UNREVIEWED_CITY);
    }

    @Test
    void a_withdrawal_needs_no_reason() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));

        enterprise.changes(demand, HttpMethod.POST, "/withdraw", null).ok();

        assertThat(events().expect(DemandWithdrawn.class, demand.id()).atLeastOnce().payload().reason()).isNull();
    }

    @Test
    void the_enterprise_closes_a_demand_fulfilled_by_a_contract() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));

        var reply = enterprise.closes(demand, "FULFILLED_BY_CONTRACT", "signed with a Wuhan lab").ok();

        assertThat(reply.text("status")).isEqualTo("CLOSED");
        var closed = events().expect(DemandClosed.class, demand.id()).exactlyOnce().payload();
        assertThat(closed.closure()).isEqualTo(ClosureReason.FULFILLED_BY_CONTRACT);
        assertThat(closed.note()).isEqualTo("signed with a Wuhan lab");
    }
}
