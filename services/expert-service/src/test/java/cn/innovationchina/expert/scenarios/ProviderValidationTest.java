package cn.innovationchina.expert.scenarios;

import java.util.List;
import java.util.Map;

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
    void a_field_code_outside_the_taxonomy_is_refused_naming_its_position() {
        given.anExpert().saves(Profiles.with(Profiles.hydrogenExpert(), "fieldCodes",
                        List.of("ENERGY.HYDROGEN", "ALCHEMY")), null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("fieldCodes[1]");
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
