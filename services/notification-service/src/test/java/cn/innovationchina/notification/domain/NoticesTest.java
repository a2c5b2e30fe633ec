package cn.innovationchina.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.FeedbackGiven;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Party;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderVerified;

class NoticesTest {

    private static final MatchExplanation WHY = new MatchExplanation(List.of(), List.of(), LocationRelation.SAME_CITY,
            1, "fits");

    @Test
    void proposals_tell_the_enterprise_how_many_and_the_best_ranked_whatever_their_order() {
        var proposed = new MatchesProposed("d-1", null, "e-1", "XIANNING", MatchTrigger.DEMAND_PUBLISHED, List.of(
                new Proposal("m-2", "p-2", "Second", ProviderKind.EXPERT, "XIANNING", "421200", 2, 0.7, WHY),
                new Proposal("m-1", "p-1", "Best", ProviderKind.EXPERT, "XIANNING", "421200", 1, 0.9, WHY)), null);

        assertThat(Notices.of(proposed, new Names("氢燃料电池电堆", null))).containsExactly(new Notice(
                Recipient.enterprise("e-1"), NotificationType.MATCHES_PROPOSED, List.of(new Phrase.Demand("氢燃料电池电堆"),
                        new Phrase.Count(2), new Phrase.Provider("Best"), Phrase.Why.of(WHY))));
    }

    @Test
    void nobody_qualifying_is_told_to_the_city_of_the_demand_not_the_enterprise() {
        var unmatched = new MatchesProposed("d-1", null, "e-1", "XIANNING", MatchTrigger.DEMAND_PUBLISHED, List.of(),
                "no capacity");

        assertThat(Notices.of(unmatched, Names.NONE)).extracting(Notice::recipient)
                .containsExactly(Recipient.city("XIANNING"));
    }

    @Test
    void feedback_goes_to_the_side_that_was_rated() {
        var byEnterprise = new FeedbackGiven("m-1", "d-1", "p-1", "e-1", "XIANNING", Party.ENTERPRISE, 5, null);
        var byProvider = new FeedbackGiven("m-1", "d-1", "p-1", "e-1", "XIANNING", Party.PROVIDER, 4, null);

        assertThat(Notices.of(byEnterprise, Names.NONE)).extracting(Notice::recipient)
                .containsExactly(Recipient.provider("p-1"));
        assertThat(Notices.of(byProvider, Names.NONE)).extracting(Notice::recipient)
                .containsExactly(Recipient.enterprise("e-1"));
    }

    @Test
    void only_a_submission_that_needs_review_reaches_the_city_admins() {
        var reviewed = new DemandSubmitted("d-1", "e-1", "XIANNING", "Hydrogen", List.of("EN.H2"), true);
        var direct = new DemandSubmitted("d-2", "e-1", "WUHAN", "Hydrogen", List.of("EN.H2"), false);

        assertThat(Notices.of(reviewed, Names.NONE)).extracting(Notice::recipient)
                .containsExactly(Recipient.city("XIANNING"));
        assertThat(Notices.of(direct, Names.NONE)).isEmpty();
    }

    @Test
    void a_contract_and_a_verification_are_told_to_the_provider() {
        var signed = new ContractSigned("m-1", "d-1", "p-1", "e-1", "XIANNING", "C-1", 800_000,
                CooperationMode.values()[0], LocalDate.of(2026, 4, 1), "WUHAN",
                LocationRelation.SAME_REGION);

        assertThat(Notices.of(signed, Names.NONE)).extracting(Notice::type)
                .containsExactly(NotificationType.CONTRACT_RECORDED);
        assertThat(Notices.of(new ProviderVerified("p-1", "admin"))).extracting(Notice::recipient)
                .containsExactly(Recipient.provider("p-1"));
    }

    @Test
    void a_provider_and_an_enterprise_with_the_same_id_have_different_keys() {
        assertThat(Recipient.provider("X-1").key()).isNotEqualTo(Recipient.enterprise("X-1").key());
    }
}
