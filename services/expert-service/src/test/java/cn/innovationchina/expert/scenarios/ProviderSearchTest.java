package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProviderSearchTest extends Scenario {

    private String found(String query) {
        return given.enterprise().get("/providers?size=100&" + query).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void providers_are_found_by_chinese_text_in_their_skills() {
        String skill = "固态储氢" + Actors.newId("");
        var expert = given.anExpert();
        expert.registers(Profiles.with(Profiles.hydrogenExpert(), "skills", List.of(skill)));
        var other = given.aRegisteredExpert();

        assertThat(found("text=" + skill)).contains(expert.id).doesNotContain(other.id);
    }

    @Test
    void providers_are_found_by_field_kind_and_city() {
        var expert = given.anExpert();
        expert.registers(Profiles.with(Profiles.with(Profiles.hydrogenExpert(), "fieldCodes",
                List.of("NUCLEAR.FUSION")), "cityCode", "CHENGDU"));

        assertThat(found("field=NUCLEAR.FUSION&kind=EXPERT&city=CHENGDU")).contains(expert.id);
        assertThat(found("field=NUCLEAR.FUSION&kind=INSTITUTE")).doesNotContain(expert.id);
        assertThat(found("field=NUCLEAR.FUSION&city=SHENZHEN")).doesNotContain(expert.id);
    }

    @Test
    void providers_are_found_by_the_division_they_are_in_or_the_province_they_serve() {
        String skill = "燃料" + Actors.newId("");
        var inChangsha = given.anExpert();
        inChangsha.registers(Profiles.with(Profiles.locatedIn(Profiles.hydrogenExpert(), "430100"), "skills",
                List.of(skill)));
        var servingHunan = given.anExpert();
        servingHunan.registers(Profiles.with(Profiles.with(Profiles.locatedIn(Profiles.hydrogenExpert(), "420100"),
                "skills", List.of(skill)), "regionsServed", List.of("430000")));
        var inKunming = given.anExpert();
        inKunming.registers(Profiles.with(Profiles.with(Profiles.locatedIn(Profiles.hydrogenExpert(), "530100"),
                "skills", List.of(skill)), "regionsServed", List.of()));

        assertThat(found("division=430100&text=" + skill)).contains(inChangsha.id, servingHunan.id)
                .doesNotContain(inKunming.id);
        given.enterprise().get("/providers?division=999999").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("division");
    }

    @Test
    void providers_are_found_by_availability() {
        String skill = "电堆" + Actors.newId("");
        var busy = given.anExpert();
        busy.registers(Profiles.with(Profiles.hydrogenExpert(), "skills", List.of(skill)));
        busy.changesAvailability("BUSY", null).expectStatus().isOk();

        assertThat(found("availability=BUSY&text=" + skill)).contains(busy.id);
        assertThat(found("availability=AVAILABLE&text=" + skill)).doesNotContain(busy.id);
    }

    @Test
    void a_search_text_with_a_control_character_is_refused_naming_text() {
        for (String text : List.of("\u0000", "fuel\u0000cell", "fuel\u001Bcell")) {
            given.enterprise().get("/providers?text={text}", text).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        }
    }

    @Test
    void results_come_in_pages_with_the_total() {
        String skill = "页" + Actors.newId("");
        for (int i = 0; i < 3; i++) {
            given.anExpert().registers(Profiles.with(Profiles.hydrogenExpert(), "skills", List.of(skill)));
        }

        given.enterprise().get("/providers?text=" + skill + "&size=2&page=1").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(1);
    }
}
