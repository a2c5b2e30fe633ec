package cn.innovationchina.expert.scenarios;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProviderValidationTest extends Scenario {

    @Test
    void a_capacity_out_of_range_is_refused_naming_capacity() {
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "capacity", 0), null)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("capacity");
    }

    @Test
    void a_division_code_that_is_no_place_in_china_is_refused_naming_division_code() {
        given.anExpert().saves(Profiles.locatedIn(Profiles.hydrogenExpert(), "999999"), null)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("divisionCode");
    }

    @Test
    void a_region_served_that_is_neither_a_zone_nor_a_province_is_refused_naming_its_position() {
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "regionsServed",
                        List.of("SOUTHWEST", "MIDDLE_YANGTZE")), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("regionsServed[1]");
    }

    @Test
    void a_field_code_outside_the_taxonomy_is_refused_naming_its_position() {
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "fieldCodes",
                        List.of("ENERGY.HYDROGEN", "ALCHEMY")), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("fieldCodes[1]");
    }

    @Test
    void a_provider_naming_a_whole_area_is_accepted() {
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "fieldCodes",
                        List.of("MATERIALS", "ENERGY.HYDROGEN")), null)
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.profile.fieldCodes[0]").isEqualTo("MATERIALS");
    }

    @Test
    void a_skill_of_a_hundred_characters_is_accepted_and_one_of_a_hundred_and_one_is_refused_naming_it() {
        String skill = "质子交换膜燃料电池膜电极低铂催化层设计、卷对卷涂布工艺开发与电堆寿命加速测试评价方法研究，"
                + "面向重卡与船舶动力系统的工程化应用及中试放大验证服务，含氢气循环泵与空压机系统匹配及燃料电池系统集成测试平台建设";
        String hundred = skill.substring(0, 100);

        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "skills", List.of(hundred)), null)
                .expectStatus().isCreated();
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "skills", List.of("燃料电池", hundred + "验")),
                        null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("skills[1]");
    }

    @Test
    void a_profile_written_as_senior_experts_write_them_is_accepted_with_its_long_title_and_full_citations() {
        String title = "Professor and Doctoral Supervisor; Changjiang Scholar Distinguished Professor; "
                + "Director, Hubei Key Laboratory of Fuel Cells; "
                + "Vice Chair, Hydrogen Energy Committee, Chinese Renewable Energy Society";
        String citation = "Zhang W, Li N, Wang Q, Chen X, Liu Y, Zhao J, Sun H, Zhou M, Wu T, Xu L, et al. "
                + "Durability of low-platinum catalyst layers in proton exchange membrane fuel cells "
                + "under heavy-duty vehicle drive cycles: degradation mechanisms, accelerated stress tests "
                + "and mitigation strategies. Journal of Power Sources, 2023, 556: 232451";
        var papers = IntStream.range(0, 60).mapToObj(i -> Map.<String, Object>of("kind", "PAPER", "title", citation,
                "reference", "10.1016/j.jpowsour.2023." + (232400 + i), "year", 2023)).toList();

        given.anExpert().saves(Profiles.with(Profiles.with(Profiles.hydrogenExpert(), "title", title), "achievements",
                        papers), null)
                .expectStatus().isCreated();
    }

    @Test
    void an_email_whose_local_part_or_whole_is_longer_than_rfc_5321_allows_is_refused_naming_email() {
        String longDomain = ("b".repeat(60) + ".").repeat(4) + "cn";
        for (String email : List.of("a".repeat(65) + "@example.cn", "a".repeat(300) + "@example.cn",
                "a".repeat(60) + "@" + longDomain)) {
            given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "email", email), null)
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        }
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "email", "a".repeat(64) + "@example.cn"), null)
                .expectStatus().isCreated();
    }

    @Test
    void an_unknown_kind_is_refused_naming_kind() {
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "kind", "WIZARD"), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    @Test
    void a_missing_summary_is_refused_naming_summary() {
        var profile = Profiles.hydrogenExpert();
        profile.remove("summary");

        given.anExpert().saves(profile, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("summary");
    }

    @Test
    void an_oversized_profile_is_refused_with_413() {
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "summary", "氢".repeat(100_000)), null)
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_page_larger_than_the_cap_is_refused_naming_size() {
        given.enterprise().get("/providers?size=101").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void an_availability_change_without_an_availability_is_refused_naming_it() {
        var expert = given.aRegisteredExpert();
        expert.put("/providers/" + expert.id + "/availability", Map.of(), null).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("availability");
    }

    @Test
    void a_page_number_that_would_wrap_around_is_refused_naming_page() {
        for (String query : new String[] {"page=2147483647&size=100", "page=21474837&size=100", "page=100&size=100"}) {
            given.enterprise().get("/providers?" + query).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
            given.platformAdmin().get("/cities/XIANNING/providers?" + query).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
            given.enterprise().get("/providers/SOC-ANY/members?" + query).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
        }
    }

    @Test
    void a_search_for_an_unknown_kind_is_refused_naming_kind() {
        given.enterprise().get("/providers?kind=WIZARD").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    @Test
    void an_if_match_that_is_not_an_etag_is_refused_naming_the_header() {
        var expert = given.aRegisteredExpert();

        expert.saves(Profiles.hydrogenExpert(), "yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
    }
}
