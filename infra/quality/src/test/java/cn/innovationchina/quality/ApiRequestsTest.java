package cn.innovationchina.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Availability;
import cn.innovationchina.reference.UnifiedSocialCreditCode;
import cn.innovationchina.testkit.quality.LabelledSet;

class ApiRequestsTest {

    private static final String SET = """
            provider half | EXPERT | WUHAN | 3/1 | ENERGY.BATTERY | JOINT_RND
            name: 半满
            org: 咸宁储能 | 91421200MA49K3T62U
            ach: PATENT 一种液冷板; PAPER 热失控
            skills: thermal runaway propagation in large-format lithium iron phosphate modules and its mitigation by aerogel barriers; BMS
            provider full | EXPERT | 420100 | 2/2 | ENERGY.BATTERY | JOINT_RND
            name: 满负荷
            regions: YANGTZE_MIDDLE 430000
            provider leave | EXPERT | WUHAN | 3/0 | ENERGY.BATTERY | JOINT_RND
            name: 休假
            flags: on-leave unverified
            member: 咸宁储能
            demand D1 | XIANNING | zh | ENERGY.BATTERY | JOINT_RND COMMISSIONED | PUBLIC
            enterprise: 咸宁储能 | 91421200MA49K3T62U
            title: 液冷
            keywords: 液冷; 热失控
            demand D2 | WUHAN | zh | ENERGY.BATTERY | JOINT_RND | CONFIDENTIAL
            enterprise: 咸宁储能 | 91421200MA49K3T62U
            title: 热失控
            problems: 热蔓延
            """;

    private final ApiRequests requests = new ApiRequests(LabelledSet.parse(Map.of("set.txt", SET)),
            LocalDate.of(2026, 1, 1));

    private ApiRequests.ProviderRequest provider(String id) {
        return requests.providers().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void engagements_under_way_are_taken_off_the_capacity() {
        var half = provider("half");

        assertThat(half.profile()).containsEntry("capacity", 2);
        assertThat(half.availability()).isNull();
        assertThat(half.verified()).isTrue();
    }

    @Test
    void a_provider_whose_engagements_fill_its_capacity_is_sent_busy() {
        var full = provider("full");

        assertThat(full.profile()).containsEntry("capacity", 2);
        assertThat(full.availability()).isEqualTo(Availability.BUSY);
        assertThat(requests.adaptations()).containsEntry("full capacity sent as availability BUSY", 1);
    }

    @Test
    void a_division_code_is_sent_as_division_and_a_pilot_city_as_city() {
        assertThat(provider("full").profile()).containsEntry("divisionCode", "420100").doesNotContainKey("cityCode")
                .containsEntry("regionsServed", List.of("YANGTZE_MIDDLE", "430000"));
        assertThat(provider("half").profile()).containsEntry("cityCode", "WUHAN").doesNotContainKey("divisionCode");
    }

    @Test
    void flags_become_availability_and_verification() {
        var leave = provider("leave");

        assertThat(leave.availability()).isEqualTo(Availability.ON_LEAVE);
        assertThat(leave.availabilityChange()).containsEntry("until", "2027-01-01");
        assertThat(leave.verified()).isFalse();
        assertThat(provider("full").availabilityChange()).containsOnlyKeys("availability");
    }

    @Test
    void the_enterprise_and_its_own_engineer_share_one_valid_credit_code() {
        var enterprise = requests.enterprises().get(0);
        String code = (String) enterprise.registration().get("creditCode");

        assertThat(requests.enterprises()).hasSize(1);
        assertThat(enterprise.cityCode()).isEqualTo("XIANNING");
        assertThat(code.charAt(17)).isEqualTo(UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17)));
        assertThat(provider("half").profile()).containsEntry("affiliationCreditCode", code);
        assertThat(requests.demands()).extracting(ApiRequests.DemandRequest::organisationId)
                .containsOnly(enterprise.organisationId());
    }

    @Test
    void membership_of_an_enterprise_becomes_a_conflict_with_it() {
        String code = (String) requests.enterprises().get(0).registration().get("creditCode");

        assertThat(provider("leave").profile()).containsEntry("conflictCreditCodes", List.of(code));
    }

    @Test
    void a_patent_gets_a_number_and_a_paper_none() {
        @SuppressWarnings("unchecked")
        var achievements = (List<Map<String, Object>>) provider("half").profile().get("achievements");

        assertThat(achievements.get(0)).containsEntry("reference", "CN000000001");
        assertThat(achievements.get(1)).doesNotContainKey("reference");
    }

    @Test
    void a_skill_over_a_hundred_characters_is_split_at_a_space() {
        @SuppressWarnings("unchecked")
        var skills = (List<String>) provider("half").profile().get("skills");

        assertThat(skills).allSatisfy(skill -> assertThat(skill.length()).isLessThanOrEqualTo(ApiRequests.MAX_TERM));
        assertThat(String.join(" ", skills))
                .isEqualTo("thermal runaway propagation in large-format lithium iron phosphate modules and its "
                        + "mitigation by aerogel barriers BMS");
        assertThat(skills).hasSize(3);
    }

    @Test
    void a_demand_without_problems_states_its_title_and_stays_open_a_year() {
        var demand = requests.demands().get(0);

        assertThat(demand.body()).containsEntry("keyProblems", List.of("液冷"))
                .containsEntry("cooperationModes", List.of("JOINT_RND", "COMMISSIONED_DEVELOPMENT"))
                .containsEntry("deadline", "2027-01-01").containsEntry("visibility", "PUBLIC");
        assertThat(requests.demands().get(1).body()).containsEntry("keyProblems", List.of("热蔓延"));
    }
}
