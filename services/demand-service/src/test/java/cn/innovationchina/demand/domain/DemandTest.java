package cn.innovationchina.demand.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DemandClosed;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRejected;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.platform.problem.IllegalTransition;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.FieldTaxonomy;

/** The lifecycle decided by the aggregate alone: no Spring, no database. */
class DemandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);
    private static final DemandRules RULES = new DemandRules(FieldTaxonomy.standard());
    private static final Enterprise ENTERPRISE = new Enterprise("org-1", "Xianning Hydrogen",
            new CreditCode("914403001922038216"), "XIANNING", "421200", "energy", EnterpriseSize.SMALL,
            CLOCK.instant());

    @Test
    void a_draft_belongs_to_the_enterprise_and_has_produced_nothing_yet() {
        var draft = draft(content(LocalDate.of(2026, 6, 1)));

        assertThat(draft.status()).isEqualTo(DemandStatus.DRAFT);
        assertThat(draft.ownerId()).isEqualTo("org-1");
    }

    @Test
    void submitting_where_the_city_reviews_produces_one_event() {
        var decision = draft(content(LocalDate.of(2026, 6, 1))).submit(true, CLOCK);

        assertThat(decision.state().status()).isEqualTo(DemandStatus.SUBMITTED);
        assertThat(decision.events()).singleElement().isInstanceOf(DemandSubmitted.class);
    }

    @Test
    void submitting_where_the_city_does_not_review_publishes_in_the_same_decision() {
        var decision = draft(content(LocalDate.of(2026, 6, 1))).submit(false, CLOCK);

        assertThat(decision.state().status()).isEqualTo(DemandStatus.PUBLISHED);
        assertThat(decision.events()).hasExactlyElementsOfTypes(DemandSubmitted.class, DemandPublished.class);
        assertThat(decision.state().publishedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void approval_publishes_and_rejection_keeps_the_reason() {
        var submitted = draft(content(LocalDate.of(2026, 6, 1))).submit(true, CLOCK).state();

        assertThat(submitted.approve(CLOCK).events()).singleElement().isInstanceOf(DemandPublished.class);
        var rejected = submitted.reject("vague", "admin", CLOCK);
        assertThat(rejected.state().rejectionReason()).isEqualTo("vague");
        assertThat(rejected.events()).singleElement().isInstanceOf(DemandRejected.class);
    }

    @Test
    void a_revision_keeps_the_demand_published_and_counts_up() {
        var published = published();

        var revised = published.change("XIANNING", content(LocalDate.of(2026, 7, 1)), contact(), RULES, CLOCK);

        assertThat(revised.state().status()).isEqualTo(DemandStatus.PUBLISHED);
        assertThat(revised.state().revision()).isEqualTo(1);
        assertThat(((DemandRevised) revised.events().get(0)).content().deadline()).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void a_published_demand_ends_by_withdrawal_or_closure() {
        assertThat(published().withdraw(null, CLOCK).events()).singleElement().isInstanceOf(DemandWithdrawn.class);
        var closed = published().close(ClosureReason.NO_LONGER_NEEDED, null, CLOCK);
        assertThat(closed.state().status()).isEqualTo(DemandStatus.CLOSED);
        assertThat(closed.events()).singleElement().isInstanceOf(DemandClosed.class);
    }

    @Test
    void a_published_demand_is_due_only_after_its_deadline_day_in_china() {
        var demand = published();
        var deadline = demand.content().deadline();

        assertThat(demand.isDue(deadline)).isFalse();
        assertThat(demand.isDue(deadline.plusDays(1))).isTrue();
        var later = Clock.offset(CLOCK, Duration.ofDays(200));
        assertThat(demand.expire(later).events()).singleElement().isInstanceOf(DemandExpired.class);
    }

    @Test
    void an_illegal_transition_names_both_states() {
        var draft = draft(content(LocalDate.of(2026, 6, 1)));

        assertThatThrownBy(() -> draft.approve(CLOCK)).isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot go from DRAFT to PUBLISHED");
        assertThatThrownBy(() -> published().submit(true, CLOCK)).isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot go from PUBLISHED to SUBMITTED");
        var closed = published().close(ClosureReason.NO_LONGER_NEEDED, null, CLOCK).state();
        assertThatThrownBy(() -> closed.change(null, content(LocalDate.of(2026, 6, 1)), contact(), RULES, CLOCK))
                .isInstanceOf(IllegalTransition.class).hasMessage("Cannot go from CLOSED to PUBLISHED");
        assertThatThrownBy(() -> closed.expire(CLOCK)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void a_deadline_today_in_china_is_not_in_the_future() {
        assertThatThrownBy(() -> draft(content(LocalDate.of(2026, 3, 1)))).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("deadline"));
    }

    @Test
    void a_deadline_may_be_ten_years_ahead_in_china_and_not_a_day_more() {
        assertThat(draft(content(LocalDate.of(2036, 3, 1))).content().deadline()).isEqualTo("2036-03-01");
        assertThatThrownBy(() -> draft(content(LocalDate.of(2036, 3, 2)))).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("deadline"));
    }

    @Test
    void a_draft_whose_deadline_passed_cannot_be_submitted() {
        var draft = draft(content(LocalDate.of(2026, 3, 10)));

        assertThatThrownBy(() -> draft.submit(true, Clock.offset(CLOCK, Duration.ofDays(30))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void an_area_of_the_taxonomy_is_accepted_like_a_leaf_but_an_unknown_field_is_not() {
        var area = withFields(List.of("ENERGY"));
        var unknown = withFields(List.of("ENERGY", "ENERGY.PERPETUAL_MOTION"));

        assertThat(draft(area).content().fieldCodes()).containsExactly("ENERGY");
        assertThatThrownBy(() -> draft(unknown)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("ENERGY.PERPETUAL_MOTION");
    }

    private static DemandContent withFields(List<String> fieldCodes) {
        return new DemandContent("t", "", List.of("p"), "", fieldCodes, List.of(), List.of(CooperationMode.JOINT_RND),
                new BudgetRange(null, null), LocalDate.of(2026, 6, 1), Visibility.PUBLIC, null);
    }

    @Test
    void a_demand_is_posted_in_its_enterprises_city_whether_or_not_the_request_names_it() {
        assertThat(Demand.draft("dmd-1", ENTERPRISE, null, content(LocalDate.of(2026, 6, 1)), contact(), RULES,
                CLOCK).cityCode()).isEqualTo("XIANNING");
        assertThat(draft(content(LocalDate.of(2026, 6, 1))).cityCode()).isEqualTo("XIANNING");
    }

    @Test
    void a_demand_naming_another_city_than_its_enterprises_is_refused_naming_the_city() {
        assertThatThrownBy(() -> Demand.draft("dmd-1", ENTERPRISE, "WUHAN", content(LocalDate.of(2026, 6, 1)),
                contact(), RULES, CLOCK)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("cityCode"));
    }

    @Test
    void a_change_may_not_move_a_demand_to_another_city() {
        assertThatThrownBy(() -> published().change("WUHAN", content(LocalDate.of(2026, 7, 1)), contact(), RULES,
                CLOCK)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("cityCode"));
    }

    private static Demand draft(DemandContent content) {
        return Demand.draft("dmd-1", ENTERPRISE, "XIANNING", content, contact(), RULES, CLOCK);
    }

    private static Demand published() {
        return draft(content(LocalDate.of(2026, 6, 1))).submit(false, CLOCK).state();
    }

    private static DemandContent content(LocalDate deadline) {
        return new DemandContent("Fuel-cell stack lifetime", "background", List.of("membrane degradation"),
                "15,000 hours", List.of("ENERGY.HYDROGEN"), List.of("PEM"), List.of(CooperationMode.JOINT_RND),
                new BudgetRange(100_000L, 500_000L), deadline, Visibility.PUBLIC, null);
    }

    private static ContactPerson contact() {
        return new ContactPerson("Li Wei", "+86 715 000 0000", "li.wei@example.cn");
    }
}
