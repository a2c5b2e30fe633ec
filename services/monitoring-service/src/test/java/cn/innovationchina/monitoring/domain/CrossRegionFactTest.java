package cn.innovationchina.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.reference.PilotCities;

class CrossRegionFactTest {

    private static final PilotCities CITIES = PilotCities.standard();

    @Test
    void a_provider_of_no_pilot_city_counts_across_regions_only_where_matching_placed_it_there() {
        var proposed = new MatchesProposed("d-1", null, "e-1", "WUHAN", MatchTrigger.DEMAND_PUBLISHED, List.of(
                proposal("m-1", "430100", LocationRelation.SAME_REGION),
                proposal("m-2", "530100", LocationRelation.CROSS_REGION)), null);

        var fact = Fact.of(wrap(proposed, "d-1"), CITIES);

        assertThat(fact.proposals()).isEqualTo(2);
        assertThat(fact.crossRegionProposals()).as("Changsha is in the same zone as Wuhan, Kunming is not")
                .isEqualTo(1);
    }

    @Test
    void a_contract_counts_across_regions_by_where_the_provider_was_matched_else_by_the_pilot_cities() {
        var withChangsha = contract(null, LocationRelation.SAME_REGION);
        var writtenBefore = contract("BEIJING", null);

        assertThat(Fact.of(wrap(withChangsha, "d-1"), CITIES).crossRegion()).isFalse();
        assertThat(Fact.of(wrap(writtenBefore, "d-1"), CITIES).crossRegion()).isTrue();
    }

    private static Proposal proposal(String matchId, String division, LocationRelation location) {
        return new Proposal(matchId, "p-" + matchId, "Provider", ProviderKind.EXPERT, null, division, 1, 0.8,
                new MatchExplanation(List.of(), List.of(), location, 1, "fit"));
    }

    private static ContractSigned contract(String providerCity, LocationRelation location) {
        return new ContractSigned("m-1", "d-1", "p-1", "e-1", "WUHAN", "C-1", 100_000, CooperationMode.JOINT_RND,
                LocalDate.parse("2026-05-01"), providerCity, location);
    }

    private static <P extends DomainEvent> EventEnvelope<P> wrap(P payload, String id) {
        return EventEnvelope.wrap(payload, id, 1, "WUHAN", new EventEnvelope.Tracing("c", null), "matching-service",
                Instant.parse("2026-05-01T02:00:00Z"));
    }
}
