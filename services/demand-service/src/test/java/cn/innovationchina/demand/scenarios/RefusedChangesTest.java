package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.testkit.ServiceTest;

/** Transitions the lifecycle does not allow, stale writes and invalid content: refused, nothing changes. */
@ServiceTest
class RefusedChangesTest extends DemandScenario {

    @Test
    void submitting_a_submitted_demand_again_is_a_conflict_naming_both_states() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = submittedBy(enterprise);

        var refused = enterprise.submits(demand).expect(409);

        assertThat(refused.text("currentState")).isEqualTo("SUBMITTED");
        assertThat(refused.text("requestedState")).isEqualTo("SUBMITTED");
        events().expect(DemandSubmitted.class, demand.id()).exactlyOnce();
    }

    @Test
    void approving_a_published_demand_again_is_a_conflict_and_publishes_nothing_more() {
        var demand = submittedBy(registeredEnterprise(REVIEWED_CITY));
        var admin = cityAdmin(REVIEWED_CITY);
        admin.approves(demand).ok();

        var refused = admin.approves(demand).expect(409);

        assertThat(refused.text("detail")).isEqualTo("Cannot go from PUBLISHED to PUBLISHED");
        events().expect(DemandPublished.class, demand.id()).exactlyOnce();
    }

    @Test
    void rejecting_a_published_demand_is_a_conflict() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));

        var refused = cityAdmin(UNREVIEWED_CITY).rejects(demand, "too late").expect(409);

        assertThat(refused.text("currentState")).isEqualTo("PUBLISHED");
        assertThat(refused.text("requestedState")).isEqualTo("REJECTED");
    }

    @Test
    void withdrawing_a_draft_is_a_conflict() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(REVIEWED_CITY));

        var refused = enterprise.withdraws(draft, "changed my mind").expect(409);

        assertThat(refused.text("detail")).isEqualTo("Cannot go from DRAFT to WITHDRAWN");
    }

    @Test
    void closing_a_demand_still_under_review_is_a_conflict() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = submittedBy(enterprise);

        var refused = enterprise.closes(demand, "NO_LONGER_NEEDED", "").expect(409);

        assertThat(refused.text("detail")).isEqualTo("Cannot go from SUBMITTED to CLOSED");
    }

    @Test
    void revising_a_closed_demand_is_a_conflict() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));
        enterprise.closes(demand, "NO_LONGER_NEEDED", "").ok();

        var refused = enterprise.edits(demand, hydrogen(UNREVIEWED_CITY)).expect(409);

        assertThat(refused.text("detail")).isEqualTo("Cannot go from CLOSED to PUBLISHED");
    }

    @Test
    void a_change_based_on_a_stale_etag_is_refused_with_412_and_changes_nothing() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(REVIEWED_CITY));
        String readEarlier = draft.etag();
        enterprise.edits(draft, Drafts.with(hydrogen(REVIEWED_CITY), "title", "Second title")).ok();

        var stale = enterprise.call(HttpMethod.POST, "/demands/" + draft.id() + "/submit",
                null, readEarlier);

        stale.expect(412);
        assertThat(enterprise.reads(draft).ok().text("status")).isEqualTo("DRAFT");
        events().expect(DemandSubmitted.class, draft.id()).never();
    }

    @Test
    void a_change_without_if_match_is_a_428_naming_the_header() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(REVIEWED_CITY));

        var refused = enterprise.call(HttpMethod.POST, "/demands/" + draft.id() + "/submit",
                null, null);

        assertThat(refused.requiredHeader()).isEqualTo("If-Match");
    }

    @Test
    void a_field_code_outside_the_taxonomy_is_refused_naming_the_field() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        var refused = enterprise.drafts(Drafts.with(hydrogen(REVIEWED_CITY), "fieldCodes",
                List.of("ENERGY.PERPETUAL_MOTION")));

        assertThat(refused.invalidField()).isEqualTo("fieldCodes");
    }

    @Test
    void a_keyword_longer_than_a_hundred_characters_is_refused() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        var refused = enterprise.drafts(Drafts.with(hydrogen(REVIEWED_CITY), "keywords", List.of("k".repeat(101))));

        assertThat(refused.invalidField()).startsWith("keywords");
    }

    @Test
    void a_budget_whose_minimum_exceeds_its_maximum_is_refused() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        var refused = enterprise.drafts(Drafts.with(hydrogen(REVIEWED_CITY), "budget",
                Map.of("minCny", 3_000_000, "maxCny", 1_000_000)));

        assertThat(refused.invalidField()).isEqualTo("budget");
    }

    @Test
    void a_deadline_that_is_not_in_the_future_is_refused() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        var refused = enterprise.drafts(Drafts.with(hydrogen(REVIEWED_CITY), "deadline",
                LocalDate.now().minusDays(1).toString()));

        assertThat(refused.invalidField()).isEqualTo("deadline");
    }

    @Test
    void a_deadline_more_than_ten_years_ahead_is_refused_naming_deadline() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));
        String inTenYears = LocalDate.now().plusYears(10).minusDays(1).toString();

        for (String deadline : List.of("+999999999-12-31", LocalDate.now().plusYears(10).plusDays(2).toString())) {
            assertThat(enterprise.drafts(Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline", deadline))
                    .invalidField()).isEqualTo("deadline");
            assertThat(enterprise.edits(demand, Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline", deadline))
                    .invalidField()).isEqualTo("deadline");
        }
        enterprise.drafts(Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline", inTenYears)).expect(201);
    }

    @Test
    void a_contact_email_whose_local_part_is_longer_than_64_characters_is_refused_naming_it() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);

        for (String email : List.of("a".repeat(65) + "@example.cn", "a".repeat(300) + "@example.cn")) {
            var refused = enterprise.drafts(Drafts.with(hydrogen(UNREVIEWED_CITY), "contact",
                    Map.of("name", "Li Wei", "phone", "+86 715 000 0000", "email", email)));
            assertThat(refused.invalidField()).isEqualTo("contact.email");
        }
        enterprise.drafts(Drafts.with(hydrogen(UNREVIEWED_CITY), "contact",
                Map.of("name", "Li Wei", "phone", "+86 715 000 0000", "email", "a".repeat(64) + "@example.cn")))
                .expect(201);
    }

    @Test
    void more_than_ten_key_problems_are_refused() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "problem " + i).toList();

        var refused = enterprise.drafts(Drafts.with(hydrogen(REVIEWED_CITY), "keyProblems", eleven));

        assertThat(refused.invalidField()).isEqualTo("keyProblems");
    }

    @Test
    void a_demand_in_a_place_that_is_not_a_pilot_city_is_refused() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        var refused = enterprise.drafts(Drafts.with(hydrogen(REVIEWED_CITY), "cityCode", "ATLANTIS"));

        assertThat(refused.invalidField()).isEqualTo("cityCode");
    }

    @Test
    void a_demand_naming_another_city_than_its_enterprises_is_refused_and_nothing_is_published() {
        var xianningEnterprise = registeredEnterprise(REVIEWED_CITY);

        var refused = xianningEnterprise.drafts(hydrogen(UNREVIEWED_CITY));

        assertThat(refused.invalidField()).isEqualTo("cityCode");
        assertThat(xianningEnterprise.lists("size=50").items()).isEmpty();
    }

    @Test
    void a_later_change_of_city_is_refused_naming_the_field() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var draft = enterprise.hasDrafted(hydrogen(REVIEWED_CITY));

        var refused = enterprise.edits(draft, hydrogen(UNREVIEWED_CITY));

        assertThat(refused.invalidField()).isEqualTo("cityCode");
        assertThat(enterprise.reads(draft).ok().text("cityCode")).isEqualTo(REVIEWED_CITY);
    }

    @Test
    void a_demand_that_names_no_city_is_posted_in_its_enterprises_city() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = hydrogen(REVIEWED_CITY);
        demand.remove("cityCode");

        assertThat(enterprise.drafts(demand).expect(201).text("cityCode")).isEqualTo(REVIEWED_CITY);
    }

    @Test
    void an_unregistered_organisation_cannot_draft_a_demand() {
        var stranger = unregisteredEnterprise(REVIEWED_CITY);

        stranger.drafts(hydrogen(REVIEWED_CITY)).expect(409);
    }

    @Test
    void server_owned_properties_in_a_request_are_ignored() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = hydrogen(REVIEWED_CITY);
        demand.put("id", "dmd-chosen-by-client");
        demand.put("status", "PUBLISHED");
        demand.put("version", 99);
        demand.put("revision", 7);
        demand.put("enterprise", Map.of("id", "org-someone-else"));
        demand.put("rejectionReason", "none");
        demand.put("publishedAt", "2020-01-01T00:00:00Z");

        var reply = enterprise.drafts(demand).expect(201);

        assertThat(reply.text("id")).isNotEqualTo("dmd-chosen-by-client");
        assertThat(reply.text("status")).isEqualTo("DRAFT");
        assertThat(reply.etag()).isEqualTo("\"1\"");
        assertThat(reply.get("revision")).isEqualTo(0);
        assertThat(reply.text("enterprise.id")).isEqualTo(enterprise.organisationId());
        assertThat(reply.get("rejectionReason")).isNull();
        assertThat(reply.get("publishedAt")).isNull();
    }

    @Test
    void an_oversized_body_is_refused_with_413() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        var refused = enterprise.drafts(Drafts.with(hydrogen(REVIEWED_CITY), "background", "x".repeat(20_000)));

        refused.expect(413);
    }
}
