package cn.innovationchina.matching.domain;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.matching.Profiles;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

class RankingTest {

    private static final String CREDIT_CODE = "91421200MA4XN0001K";
    private final Ranking ranking = new Ranking(FieldTaxonomy.standard(), PilotCities.standard(), Divisions.standard(),
            RankingWeights.standard());

    @Test
    void a_provider_with_the_enterprises_credit_code_is_never_proposed() {
        var own = candidate("p-own", provider("Own lab").affiliation("Xianning Fuel Cells", CREDIT_CODE), 0.9);

        var result = ranking.rank(hydrogenDemand(), List.of(own, candidate("p-other", provider("Other"), 0.1)));

        assertThat(ids(result)).containsExactly("p-other");
    }

    @Test
    void a_provider_affiliated_with_the_enterprise_by_name_is_never_proposed() {
        var affiliated = candidate("p-aff", provider("Staff engineer").affiliation("Xianning Fuel Cells Co., Ltd.",
                null), 0.9);

        var result = ranking.rank(hydrogenDemand(), List.of(affiliated));

        assertThat(result.proposals()).isEmpty();
        assertThat(result.unmatchedReason()).contains("conflict of interest");
    }

    @Test
    void a_provider_declaring_a_conflict_with_the_enterprise_is_never_proposed() {
        var declared = candidate("p-decl", provider("Board member").declaresConflictWith(CREDIT_CODE), 0.9);

        assertThat(ranking.rank(hydrogenDemand(), List.of(declared)).proposals()).isEmpty();
    }

    @Test
    void an_enterprise_without_a_credit_code_conflicts_with_nobody_by_code() {
        var demand = new Demand("d-2", enterprise("e-2", "Unregistered Workshop", ""), "XIANNING",
                demand("Stack design").build(), true, 1);

        assertThat(ids(ranking.rank(demand, List.of(candidate("p-plain", provider("Plain"), 0.3)))))
                .containsExactly("p-plain");
    }

    @Test
    void a_provider_without_free_capacity_is_never_proposed() {
        var busy = new Candidate(providerOf("p-full", provider("Full").capacity(1)),
                new TrackRecord("p-full", List.of("m-1"), List.of(), Map.of(), List.of("m-1"), List.of()), 0.9,
                List.of());

        var result = ranking.rank(hydrogenDemand(), List.of(busy));

        assertThat(result.proposals()).isEmpty();
        assertThat(result.unmatchedReason()).contains("no free capacity");
    }

    @Test
    void an_unavailable_or_deactivated_provider_is_never_proposed() {
        var onLeave = candidate("p-leave", provider("On leave").availability(Availability.ON_LEAVE), 0.9);
        var gone = new Candidate(providerOf("p-gone", provider("Gone")).deactivated(2), TrackRecord.none("p-gone"), 0.9,
                List.of());

        assertThat(ranking.rank(hydrogenDemand(), List.of(onLeave, gone)).proposals()).isEmpty();
    }

    @Test
    void a_provider_offering_none_of_the_wanted_cooperation_modes_is_not_proposed() {
        var testingOnly = candidate("p-test", provider("Lab").services(CooperationMode.INSPECTION_AND_TESTING), 0.9);
        var demand = demandOf(demand("Stack design").modes(CooperationMode.JOINT_RND).build());

        assertThat(ranking.rank(demand, List.of(testingOnly)).proposals()).isEmpty();
    }

    @Test
    void an_unverified_provider_is_proposed_for_a_public_demand_but_not_a_confidential_one() {
        var newcomer = candidate("p-new", provider("Newcomer").unverified(), 0.5);
        var confidential = demandOf(demand("Secret stack").visibility(Visibility.CONFIDENTIAL).build());

        assertThat(ids(ranking.rank(hydrogenDemand(), List.of(newcomer)))).containsExactly("p-new");
        assertThat(ranking.rank(confidential, List.of(newcomer)).proposals()).isEmpty();
    }

    @Test
    void same_city_beats_same_region_which_beats_another_region_all_else_equal() {
        var far = candidate("p-far", provider("Beijing").city("BEIJING"), 0.5);
        var near = candidate("p-near", provider("Wuhan").city("WUHAN"), 0.5);
        var local = candidate("p-local", provider("Xianning").city("XIANNING"), 0.5);

        var result = ranking.rank(hydrogenDemand(), List.of(far, near, local));

        assertThat(ids(result)).containsExactly("p-local", "p-near", "p-far");
        assertThat(result.proposals()).extracting(p -> p.explanation().location())
                .containsExactly(LocationRelation.SAME_CITY, LocationRelation.SAME_REGION,
                        LocationRelation.CROSS_REGION);
    }

    @Test
    void a_provider_is_placed_by_its_own_division_not_bent_onto_a_pilot_city() {
        var inChangsha = candidate("p-changsha", provider("Changsha").locatedIn("430100"), 5);
        var inKunming = candidate("p-kunming", provider("Kunming").locatedIn("530100"), 5);

        var forWuhan = ranking.rank(demandIn("420100", "WUHAN"), List.of(inChangsha, inKunming)).proposals();
        var forBeijing = ranking.rank(demandIn("110100", "BEIJING"), List.of(inKunming)).proposals();

        assertThat(forWuhan).extracting(p -> p.explanation().location()).as("Hunan and Hubei: middle Yangtze")
                .containsExactly(LocationRelation.SAME_REGION, LocationRelation.CROSS_REGION);
        assertThat(forWuhan.get(0).explanation().summary()).contains("in Changsha, the same region");
        assertThat(forWuhan.get(1).explanation().summary()).contains("in Kunming, another region");
        assertThat(forBeijing.get(0).explanation().location()).isEqualTo(LocationRelation.CROSS_REGION);
    }

    @Test
    void an_enterprise_outside_its_pilot_city_is_placed_by_its_own_division() {
        var inXiaogan = candidate("p-xiaogan", provider("Xiaogan").locatedIn("420900"), 5);

        var forXiaogan = ranking.rank(demandIn("420900", "WUHAN"), List.of(inXiaogan)).proposals();

        assertThat(forXiaogan.get(0).explanation().location()).isEqualTo(LocationRelation.SAME_CITY);
    }

    @Test
    void serving_the_demands_province_or_zone_lifts_a_provider_from_another_region() {
        var servingHubei = candidate("p-hubei", provider("Serves Hubei").locatedIn("530100").serves("420000"), 5);
        var servingZone = candidate("p-zone", provider("Serves zone").locatedIn("530100").serves("YANGTZE_MIDDLE"), 5);
        var servingElsewhere = candidate("p-else", provider("Serves west").locatedIn("530100").serves("NORTHWEST"), 5);

        var result = ranking.rank(hydrogenDemand(), List.of(servingElsewhere, servingHubei, servingZone));

        assertThat(ids(result)).endsWith("p-else");
        assertThat(result.proposals().get(0).score()).isEqualTo(result.proposals().get(1).score());
        assertThat(result.proposals().get(1).score()).isGreaterThan(result.proposals().get(2).score());
    }

    @Test
    void the_demands_own_field_beats_a_sibling_field_which_beats_an_unrelated_one() {
        var unrelated = candidate("p-ai", provider("AI").fields("IT.AI"), 0.5);
        var sibling = candidate("p-bat", provider("Battery").fields("ENERGY.BATTERY"), 0.5);
        var same = candidate("p-h2", provider("Hydrogen").fields("ENERGY.HYDROGEN"), 0.5);

        var result = ranking.rank(hydrogenDemand(), List.of(unrelated, sibling, same));

        assertThat(ids(result)).containsExactly("p-h2", "p-bat", "p-ai");
        assertThat(result.proposals().get(0).explanation().matchedFieldCodes()).containsExactly("ENERGY.HYDROGEN");
    }

    @Test
    void a_demand_naming_an_area_ranks_providers_anywhere_in_it_like_siblings_above_strangers() {
        var leaf = candidate("p-leaf", provider("Polymers").fields("MATERIALS.CHEMICAL"), 0.5);
        var area = candidate("p-area", provider("Materials").fields("MATERIALS"), 0.5);
        var stranger = candidate("p-chem", provider("Fine chemicals").fields("CHEMICALS.FINE_CHEMICALS"), 0.5);

        var result = ranking.rank(demandOf(demand("New materials").fields("MATERIALS").build()),
                List.of(stranger, leaf, area));

        assertThat(ids(result)).containsExactly("p-area", "p-leaf", "p-chem");
        assertThat(result.proposals().get(1).explanation().matchedFieldCodes()).isEmpty();
    }

    @Test
    void more_relevant_text_ranks_higher() {
        var weak = candidate("p-weak", provider("Weak"), 0.2);
        var strong = candidate("p-strong", provider("Strong"), 0.8);

        assertThat(ids(ranking.rank(hydrogenDemand(), List.of(weak, strong)))).containsExactly("p-strong", "p-weak");
    }

    @Test
    void a_same_city_provider_with_neither_a_shared_word_nor_a_related_field_is_not_proposed() {
        var local = candidate("p-local", provider("Xianning neighbour").city("XIANNING").fields("IT.AI"), 0);
        var relevant = candidate("p-far", provider("Beijing specialist").city("BEIJING").fields("IT.AI"), 0.2);

        var result = ranking.rank(hydrogenDemand(), List.of(local, relevant));

        assertThat(ids(result)).containsExactly("p-far");
    }

    @Test
    void when_nobody_has_evidence_the_result_says_so() {
        var result = ranking.rank(hydrogenDemand(), List.of(candidate("p-local", provider("Neighbour")
                .fields("IT.AI"), 0)));

        assertThat(result.proposals()).isEmpty();
        assertThat(result.unmatchedReason()).contains("text or fields");
    }

    @Test
    void location_capacity_and_track_record_never_lift_a_provider_over_a_clearly_more_relevant_one() {
        var weights = RankingWeights.standard();
        double clearly = weights.tieBreakers() / weights.text() + 0.001;
        var farBusyNewcomer = new Candidate(providerOf("p-relevant", provider("Far").city("BEIJING").capacity(5)),
                new TrackRecord("p-relevant", List.of(), List.of(), Map.of(), List.of("m-1", "m-2", "m-3", "m-4"),
                        List.of()), 0.3 + clearly, List.of());
        var localFreeProven = new Candidate(providerOf("p-local", provider("Local").city("XIANNING").capacity(5)),
                provenTrackRecord("p-local"), 0.3, List.of());

        assertThat(ids(ranking.rank(hydrogenDemand(), List.of(localFreeProven, farBusyNewcomer))))
                .containsExactly("p-relevant", "p-local");
    }

    @Test
    void location_capacity_and_track_record_order_providers_of_about_equal_relevance() {
        var weights = RankingWeights.standard();
        double slightly = weights.tieBreakers() / weights.text() / 4;
        var far = candidate("p-far", provider("Far").city("BEIJING"), 0.3 + slightly);
        var localProven = new Candidate(providerOf("p-local", provider("Local").city("XIANNING")),
                provenTrackRecord("p-local"), 0.3, List.of());

        assertThat(ids(ranking.rank(hydrogenDemand(), List.of(far, localProven))))
                .containsExactly("p-local", "p-far");
    }

    @Test
    void equally_relevant_providers_are_not_ordered_by_their_ids_but_the_same_way_each_time() {
        List<Candidate> equals = new ArrayList<>();
        for (String id : List.of("p-a", "p-b", "p-c", "p-d", "p-e")) {
            equals.add(candidate(id, provider("Expert " + id), 0.5));
        }
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            firsts.add(ids(ranking.rank(demandWithId("d-" + i), equals)).get(0));
        }

        List<Candidate> reversed = new ArrayList<>(equals);
        Collections.reverse(reversed);

        assertThat(firsts).as("first among equals, over 20 demands").hasSizeGreaterThan(1);
        assertThat(ids(ranking.rank(demandWithId("d-1"), equals)))
                .isEqualTo(ids(ranking.rank(demandWithId("d-1"), reversed)));
    }

    @Test
    void no_more_than_two_providers_of_one_affiliation_make_the_list() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            candidates.add(candidate("p-lab-" + i, provider("Lab member " + i).affiliation("Wuhan Hydrogen Lab",
                    "12420000MB0000001X"), 0.9 - 0.1 * i));
        }
        candidates.add(candidate("p-solo", provider("Independent"), 0.1));

        var result = ranking.rank(hydrogenDemand(), candidates);

        assertThat(ids(result)).containsExactly("p-lab-0", "p-lab-1", "p-solo");
    }

    @Test
    void the_list_holds_at_most_top_k_providers() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            candidates.add(candidate("p-" + i, provider("Expert " + i), (15 - i) / 15.0));
        }

        var result = ranking.rank(hydrogenDemand(), candidates);

        assertThat(result.proposals()).hasSize(10);
        assertThat(result.proposals()).extracting(RankedProvider::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9,
                10);
    }

    @Test
    void when_no_candidate_exists_the_result_says_so() {
        var result = ranking.rank(hydrogenDemand(), List.of());

        assertThat(result.proposals()).isEmpty();
        assertThat(result.unmatchedReason()).isNotBlank();
    }

    @Test
    void the_explanation_names_terms_fields_location_and_capacity() {
        var expert = new Candidate(providerOf("p-x", provider("Expert").capacity(4)), TrackRecord.none("p-x"), 0.5,
                List.of("fuel", "电堆"));

        var explanation = ranking.rank(hydrogenDemand(), List.of(expert)).proposals().get(0).explanation();

        assertThat(explanation.matchedTerms()).containsExactly("fuel", "电堆");
        assertThat(explanation.matchedFieldCodes()).containsExactly("ENERGY.HYDROGEN");
        assertThat(explanation.location()).isEqualTo(LocationRelation.SAME_CITY);
        assertThat(explanation.freeCapacity()).isEqualTo(4);
        assertThat(explanation.summary()).contains("fuel", "ENERGY.HYDROGEN", "same city", "4 more");
    }

    @Test
    void each_relation_of_two_places_is_explained_as_the_location_of_the_same_name() {
        assertThat(Arrays.stream(PilotCities.Relation.values()).map(Ranking::locationOf))
                .containsExactly(LocationRelation.SAME_CITY, LocationRelation.SAME_REGION,
                        LocationRelation.CROSS_REGION);
    }

    @Test
    void single_chinese_characters_split_from_unknown_words_are_left_out_of_the_explanation() {
        var expert = new Candidate(providerOf("p-y", provider("Expert")), TrackRecord.none("p-y"), 0.5,
                List.of("燃料", "电池", "电", "堆", "membrane"));
        var onlyCharacters = new Candidate(providerOf("p-z", provider("Other")), TrackRecord.none("p-z"), 0.4,
                List.of("膜"));

        var proposals = ranking.rank(hydrogenDemand(), List.of(expert, onlyCharacters)).proposals();

        assertThat(proposals.get(0).explanation().matchedTerms()).containsExactly("燃料", "电池", "membrane");
        assertThat(proposals.get(0).explanation().summary()).doesNotContain(", 电,");
        assertThat(proposals.get(1).explanation().matchedTerms()).isEmpty();
    }

    @Test
    void contracts_and_good_ratings_raise_a_provider_above_an_equal_newcomer() {
        var proven = new Candidate(providerOf("p-proven", provider("Proven")),
                new TrackRecord("p-proven", List.of("m-1"), List.of("m-1"), Map.of("m-1", 5), List.of(), List.of()),
                0.5,
                List.of());
        var newcomer = candidate("p-newcomer", provider("Newcomer"), 0.5);

        assertThat(ids(ranking.rank(hydrogenDemand(), List.of(newcomer, proven))))
                .containsExactly("p-proven", "p-newcomer");
    }

    @Test
    void declining_a_similar_demand_as_outside_expertise_lowers_a_provider() {
        var decliner = new Candidate(providerOf("p-decliner", provider("Decliner")),
                new TrackRecord("p-decliner", List.of(), List.of(), Map.of(), List.of(),
                        List.of(new TrackRecord.Mismatch("m-9", List.of("ENERGY.HYDROGEN")))), 0.5, List.of());
        var other = candidate("p-other", provider("Other"), 0.5);

        assertThat(ids(ranking.rank(hydrogenDemand(), List.of(decliner, other))))
                .containsExactly("p-other", "p-decliner");
    }

    private static TrackRecord provenTrackRecord(String providerId) {
        return new TrackRecord(providerId, List.of("m-1", "m-2"), List.of("m-1", "m-2"), Map.of("m-1", 5, "m-2", 5),
                List.of(), List.of());
    }

    private static Demand demandWithId(String id) {
        return new Demand(id, enterprise("e-1", "Xianning Fuel Cells Co., Ltd.", CREDIT_CODE), "XIANNING",
                demand("Fuel cell stack durability").build(), true, 1);
    }

    private static Demand hydrogenDemand() {
        return demandOf(demand("Fuel cell stack durability").build());
    }

    private static Demand demandOf(DemandContent content) {
        return new Demand("d-1", enterprise("e-1", "Xianning Fuel Cells Co., Ltd.", CREDIT_CODE), "XIANNING", content,
                true, 1);
    }

    private static Demand demandIn(String divisionCode, String cityCode) {
        return new Demand("d-1", enterprise("e-1", "Fuel Cells Co., Ltd.", CREDIT_CODE, divisionCode), cityCode,
                demand("Fuel cell stack durability").build(), true, 1);
    }

    private static Candidate candidate(String id, Profiles.ProviderBuilder profile, double relevance) {
        return new Candidate(providerOf(id, profile), TrackRecord.none(id), relevance, List.of());
    }

    private static Provider providerOf(String id, Profiles.ProviderBuilder profile) {
        ProviderProfile built = profile.build();
        return new Provider(id, built, true, 1);
    }

    private static List<String> ids(RankingResult result) {
        return result.proposals().stream().map(p -> p.provider().id()).toList();
    }
}
