package cn.innovationchina.matching.domain;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.DismissReason;
import cn.innovationchina.events.EngagementClosed;
import cn.innovationchina.events.EngagementOutcome;
import cn.innovationchina.events.FeedbackGiven;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Party;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.IllegalTransition;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.NotFound;

class DemandMatchesTest {

    /** The day the lifecycle's steps are taken on. */
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    private final AtomicInteger sequence = new AtomicInteger();
    private final Supplier<String> ids = () -> "m-" + sequence.incrementAndGet();
    private final Demand demand = new Demand("d-1", enterprise("e-1", "Xianning Fuel Cells", "91421200MA4XN0001K"),
            "XIANNING", demand("Fuel cell stack").build(), true, 1);

    @Test
    void a_ranking_is_proposed_as_one_event_with_every_proposal_naming_the_demand() {
        var decision = DemandMatches.none(demand).propose(result("p-1", "p-2"), MatchTrigger.DEMAND_PUBLISHED, demand,
                ids);

        var proposed = (MatchesProposed) decision.events().get(0);
        assertThat(proposed.proposals()).extracting(p -> p.providerId()).containsExactly("p-1", "p-2");
        assertThat(proposed.demandTitle()).isEqualTo("Fuel cell stack");
        assertThat(proposed.unmatchedReason()).isNull();
        assertThat(decision.state().matches()).allMatch(m -> m.status() == MatchStatus.PROPOSED);
    }

    @Test
    void a_demand_version_already_ranked_proposes_nothing() {
        var ranked = DemandMatches.none(demand).propose(result("p-1"), MatchTrigger.DEMAND_PUBLISHED, demand, ids)
                .state();

        var again = ranked.propose(result("p-1"), MatchTrigger.DEMAND_PUBLISHED, demand, ids);

        assertThat(again.events()).isEmpty();
    }

    @Test
    void an_empty_ranking_is_proposed_with_its_unmatched_reason() {
        var decision = DemandMatches.none(demand).propose(new RankingResult(List.of(), "No candidate qualified"),
                MatchTrigger.DEMAND_PUBLISHED, demand, ids);

        var proposed = (MatchesProposed) decision.events().get(0);
        assertThat(proposed.proposals()).isEmpty();
        assertThat(proposed.unmatchedReason()).isEqualTo("No candidate qualified");
    }

    @Test
    void a_revision_keeps_matches_under_way_and_never_proposes_a_dismissed_provider_again() {
        var first = DemandMatches.none(demand).propose(result("p-1", "p-2", "p-3"), MatchTrigger.DEMAND_PUBLISHED,
                demand, ids).state();
        var invited = first.invite(id(first, "p-1"), Party.ENTERPRISE, null).state();
        var dismissed = invited.dismiss(id(invited, "p-2"), Party.ENTERPRISE, DismissReason.NOT_RELEVANT, null)
                .state();

        var revised = dismissed.propose(result("p-1", "p-2", "p-3", "p-4"), MatchTrigger.DEMAND_REVISED,
                revisedTo(2), ids);

        var proposed = (MatchesProposed) revised.events().get(0);
        assertThat(proposed.proposals()).extracting(p -> p.providerId()).containsExactly("p-3", "p-4");
        assertThat(proposed.proposals().get(0).matchId()).isEqualTo(id(first, "p-3"));
        assertThat(revised.state().find(id(first, "p-1")).orElseThrow().status()).isEqualTo(MatchStatus.INVITED);
    }

    @Test
    void the_whole_lifecycle_runs_from_proposal_to_feedback_of_both_sides() {
        var matches = DemandMatches.none(demand).propose(result("p-1"), MatchTrigger.DEMAND_PUBLISHED, demand, ids)
                .state();
        String match = id(matches, "p-1");

        matches = matches.shortlist(match, Party.ENTERPRISE).state();
        var invitation = matches.invite(match, Party.ENTERPRISE, "Please help");
        matches = invitation.state();
        matches = matches.accept(match, Party.PROVIDER).state();
        matches = matches.startDocking(match, Party.PROVIDER, LocalDate.of(2026, 3, 1), TODAY).state();
        var contract = matches.signContract(match, Party.ENTERPRISE, "C-1", 800_000, CooperationMode.JOINT_RND,
                LocalDate.of(2026, 4, 1), TODAY);
        matches = contract.state();
        matches = matches.close(match, Party.ENTERPRISE, EngagementOutcome.COMPLETED).state();
        matches = matches.giveFeedback(match, Party.ENTERPRISE, 5, "Excellent").state();
        var providerFeedback = matches.giveFeedback(match, Party.PROVIDER, 4, null);

        assertThat(((ProviderInvited) invitation.events().get(0)).explanation()).isNotNull();
        assertThat(((ContractSigned) contract.events().get(0)).providerCityCode()).isEqualTo("XIANNING");
        assertThat(((FeedbackGiven) providerFeedback.events().get(0)).givenBy()).isEqualTo(Party.PROVIDER);
        assertThat(providerFeedback.state().find(match).orElseThrow().status()).isEqualTo(MatchStatus.CLOSED);
    }

    @Test
    void a_provider_cannot_take_the_enterprises_steps() {
        var matches = invited();

        assertThatThrownBy(() -> matches.shortlist(id(matches, "p-1"), Party.PROVIDER)).isInstanceOf(NotFound.class);
    }

    @Test
    void an_enterprise_cannot_answer_an_invitation_for_the_provider() {
        var matches = invited();

        assertThatThrownBy(() -> matches.accept(id(matches, "p-1"), Party.ENTERPRISE)).isInstanceOf(NotFound.class);
    }

    @Test
    void a_provider_does_not_see_a_match_it_was_not_invited_to() {
        var matches = DemandMatches.none(demand).propose(result("p-1"), MatchTrigger.DEMAND_PUBLISHED, demand, ids)
                .state();

        assertThatThrownBy(() -> matches.accept(id(matches, "p-1"), Party.PROVIDER)).isInstanceOf(NotFound.class);
    }

    @Test
    void a_step_out_of_order_is_an_illegal_transition() {
        var matches = invited();
        String match = id(matches, "p-1");

        assertThatThrownBy(() -> matches.signContract(match, Party.ENTERPRISE, "C-1", 1, CooperationMode.JOINT_RND,
                TODAY, TODAY)).isInstanceOf(IllegalTransition.class);
        var declined = matches.decline(match, Party.PROVIDER, DeclineReason.NO_CAPACITY, null).state();
        assertThatThrownBy(() -> declined.accept(match, Party.PROVIDER)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void a_docking_and_a_contract_may_be_dated_today_but_not_tomorrow() {
        var accepted = invited().accept(id(invited(), "p-1"), Party.PROVIDER).state();
        String match = id(accepted, "p-1");

        assertThatThrownBy(() -> accepted.startDocking(match, Party.PROVIDER, TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field())
                        .isEqualTo("startedOn"));
        var docking = accepted.startDocking(match, Party.PROVIDER, TODAY, TODAY).state();
        assertThatThrownBy(() -> docking.signContract(match, Party.ENTERPRISE, "C-1", 1000, CooperationMode.JOINT_RND,
                TODAY.plusDays(1), TODAY)).isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(
                        refused.field()).isEqualTo("signedOn"));
        assertThat(docking.signContract(match, Party.ENTERPRISE, "C-1", 1000, CooperationMode.JOINT_RND, TODAY, TODAY)
                .events()).hasSize(1);
    }

    @Test
    void a_docking_and_a_contract_may_be_dated_a_year_back_but_not_a_day_more() {
        var accepted = invited().accept(id(invited(), "p-1"), Party.PROVIDER).state();
        String match = id(accepted, "p-1");
        LocalDate yearAgo = TODAY.minusYears(1);

        assertThatThrownBy(() -> accepted.startDocking(match, Party.PROVIDER, yearAgo.minusDays(1), TODAY))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field())
                        .isEqualTo("startedOn"));
        var docking = accepted.startDocking(match, Party.PROVIDER, yearAgo, TODAY).state();
        assertThatThrownBy(() -> docking.signContract(match, Party.ENTERPRISE, "C-1", 1000, CooperationMode.JOINT_RND,
                yearAgo.minusDays(1), TODAY)).isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(
                        refused.field()).isEqualTo("signedOn"));
        assertThat(docking.signContract(match, Party.ENTERPRISE, "C-1", 1000, CooperationMode.JOINT_RND, yearAgo,
                TODAY).events()).hasSize(1);
    }

    @Test
    void a_contract_is_worth_at_most_a_trillion_cny() {
        var accepted = invited().accept(id(invited(), "p-1"), Party.PROVIDER).state();
        String match = id(accepted, "p-1");
        var docking = accepted.startDocking(match, Party.PROVIDER, TODAY, TODAY).state();

        assertThatThrownBy(() -> docking.signContract(match, Party.ENTERPRISE, "C-1", 1_000_000_000_001L,
                CooperationMode.JOINT_RND, TODAY, TODAY)).isInstanceOfSatisfying(InvalidInput.class,
                        refused -> assertThat(refused.field()).isEqualTo("valueCny"));
        assertThat(((ContractSigned) docking.signContract(match, Party.ENTERPRISE, "C-1", 1_000_000_000_000L,
                CooperationMode.JOINT_RND, TODAY, TODAY).events().get(0)).valueCny()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void an_engagement_without_a_contract_cannot_close_as_completed() {
        var accepted = invited().accept(id(invited(), "p-1"), Party.PROVIDER).state();
        String match = id(accepted, "p-1");

        assertThatThrownBy(() -> accepted.close(match, Party.ENTERPRISE, EngagementOutcome.COMPLETED))
                .isInstanceOf(IllegalTransition.class);
        assertThat(accepted.close(match, Party.PROVIDER, EngagementOutcome.TERMINATED).state().find(match)
                .orElseThrow().status()).isEqualTo(MatchStatus.CLOSED);
    }

    @Test
    void each_side_gives_feedback_once() {
        var accepted = invited().accept(id(invited(), "p-1"), Party.PROVIDER).state();
        String match = id(accepted, "p-1");
        var closed = accepted.close(match, Party.ENTERPRISE, EngagementOutcome.TERMINATED).state();
        var rated = closed.giveFeedback(match, Party.ENTERPRISE, 2, "Slow").state();

        assertThatThrownBy(() -> rated.giveFeedback(match, Party.ENTERPRISE, 5, null)).isInstanceOf(Conflict.class);
    }

    @Test
    void an_ended_demand_terminates_engagements_without_a_contract_and_keeps_contracted_ones() {
        var matches = DemandMatches.none(demand).propose(result("p-1", "p-2", "p-3"), MatchTrigger.DEMAND_PUBLISHED,
                demand, ids).state();
        for (String provider : List.of("p-1", "p-2")) {
            matches = matches.invite(id(matches, provider), Party.ENTERPRISE, null).state();
            matches = matches.accept(id(matches, provider), Party.PROVIDER).state();
            matches = matches.startDocking(id(matches, provider), Party.ENTERPRISE, LocalDate.of(2026, 3, 1), TODAY)
                    .state();
        }
        matches = matches.signContract(id(matches, "p-2"), Party.ENTERPRISE, "C-1", 1000, CooperationMode.JOINT_RND,
                LocalDate.of(2026, 4, 1), TODAY).state();

        var ended = matches.end();

        assertThat(ended.events()).hasSize(1).first().isInstanceOfSatisfying(EngagementClosed.class, closed -> {
            assertThat(closed.providerId()).isEqualTo("p-1");
            assertThat(closed.outcome()).isEqualTo(EngagementOutcome.TERMINATED);
        });
        assertThat(ended.state().find(id(matches, "p-2")).orElseThrow().status()).isEqualTo(MatchStatus.CONTRACTED);
        assertThat(ended.state().end().events()).isEmpty();
    }

    @Test
    void an_ended_demand_takes_no_new_step() {
        var ended = DemandMatches.none(demand).propose(result("p-1"), MatchTrigger.DEMAND_PUBLISHED, demand, ids)
                .state().end().state();

        assertThatThrownBy(() -> ended.invite(id(ended, "p-1"), Party.ENTERPRISE, null)).isInstanceOf(Conflict.class);
    }

    private DemandMatches invited() {
        sequence.set(0);
        var matches = DemandMatches.none(demand).propose(result("p-1"), MatchTrigger.DEMAND_PUBLISHED, demand, ids)
                .state();
        return matches.invite(id(matches, "p-1"), Party.ENTERPRISE, null).state();
    }

    private static String id(DemandMatches matches, String providerId) {
        return matches.matches().stream().filter(m -> m.providerId().equals(providerId)).findFirst().orElseThrow()
                .matchId();
    }

    private Demand revisedTo(long version) {
        return new Demand(demand.id(), demand.enterprise(), demand.cityCode(), demand.content(), true, version);
    }

    private static RankingResult result(String... providerIds) {
        var ranked = new java.util.ArrayList<RankedProvider>();
        for (String id : providerIds) {
            ranked.add(new RankedProvider(new Provider(id, provider("Expert " + id).build(), true, 1),
                    ranked.size() + 1, 0.5, new MatchExplanation(List.of("fuel"), List.of("ENERGY.HYDROGEN"),
                            LocationRelation.SAME_CITY, 3, "Matches fuel")));
        }
        return new RankingResult(List.copyOf(ranked), null);
    }
}