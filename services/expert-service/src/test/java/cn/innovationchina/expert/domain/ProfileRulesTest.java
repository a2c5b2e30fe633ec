package cn.innovationchina.expert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

class ProfileRulesTest {

    private static final ProfileRules RULES = new ProfileRules(FieldTaxonomy.standard(), PilotCities.standard(),
            Divisions.standard());

    private static List<Violation> violations(ProfileDraft draft) {
        var outcome = RULES.check(draft);
        return outcome instanceof ProfileRules.Refused refused ? refused.violations() : List.of();
    }

    @Test
    void a_complete_draft_is_accepted() {
        assertThat(RULES.check(Drafts.hydrogenExpert())).isInstanceOf(ProfileRules.Accepted.class);
    }

    @Test
    void every_refusal_names_its_field_as_the_client_wrote_it() {
        var d = Drafts.hydrogenExpert();
        var bad = new ProfileDraft(" ", null, d.affiliation(), "not-a-code", d.title(),
                List.of("ENERGY.HYDROGEN", "ENERGY.PERPETUAL_MOTION"), d.skills(), d.keywords(), d.summary(),
                List.of(new Achievement(Achievement.Kind.PAPER, "论文", "doi-less", 2020)), d.services(), "ATLANTIS",
                "999999", List.of("YANGTZE_MIDDLE", "MARS"), List.of("Chinese"), 0, List.of("123"), "no-at-sign", "call me");

        assertThat(violations(bad)).extracting(Violation::field).containsExactly("name", "kind",
                "affiliationCreditCode", "fieldCodes[1]", "achievements[0].reference", "cityCode",
                "divisionCode", "regionsServed[1]", "languages[0]", "capacity", "conflictCreditCodes[0]", "email", "phone");
    }

    @Test
    void an_email_may_have_64_characters_before_the_at_and_254_in_all() {
        String domain = ("b".repeat(60) + ".").repeat(3) + "example.cn";

        assertThat(violations(withEmail("a".repeat(64) + "@example.cn"))).isEmpty();
        assertThat(violations(withEmail("a".repeat(65) + "@example.cn"))).extracting(Violation::field)
                .containsExactly("email");
        assertThat(violations(withEmail("a".repeat(254 - domain.length() - 1) + "@" + domain))).isEmpty();
        assertThat(violations(withEmail("a".repeat(255 - domain.length() - 1) + "@" + domain)))
                .extracting(Violation::field).containsExactly("email");
    }

    private static ProfileDraft withEmail(String email) {
        var d = Drafts.hydrogenExpert();
        return new ProfileDraft(d.name(), d.kind(), d.affiliation(), null, d.title(), d.fieldCodes(), d.skills(),
                d.keywords(), d.summary(), d.achievements(), d.services(), d.cityCode(), d.divisionCode(),
                d.regionsServed(), d.languages(), d.capacity(), d.conflictCreditCodes(), email, d.phone());
    }

    @Test
    void a_patent_needs_its_number() {
        var d = Drafts.hydrogenExpert();
        var draft = new ProfileDraft(d.name(), d.kind(), d.affiliation(), null, d.title(), d.fieldCodes(), d.skills(),
                d.keywords(), d.summary(), List.of(new Achievement(Achievement.Kind.PATENT, "双极板", null, null)),
                d.services(), d.cityCode(), d.divisionCode(), d.regionsServed(), d.languages(), 2, List.of(), null, null);

        assertThat(violations(draft)).containsExactly(
                new Violation("achievements[0].reference", "a patent needs its number"));
    }

    @Test
    void a_provider_anywhere_in_china_names_its_own_division_and_needs_no_pilot_city() {
        var changsha = placed(Drafts.hydrogenExpert(), null, "430100", List.of("430000", "SOUTHWEST"));

        var profile = RULES.require(changsha).profile();

        assertThat(profile.divisionCode()).isEqualTo("430100");
        assertThat(profile.cityCode()).isNull();
        assertThat(profile.regionsServed()).containsExactly("430000", "SOUTHWEST");
    }

    @Test
    void a_provider_naming_only_its_pilot_city_lies_in_that_city_s_division() {
        assertThat(RULES.require(placed(Drafts.hydrogenExpert(), "TIANFU", null, List.of())).profile().divisionCode())
                .isEqualTo("510100");
        assertThat(RULES.require(placed(Drafts.hydrogenExpert(), "XIANNING", "420100", List.of())).profile()
                .divisionCode()).as("a member of Xianning's service group living in Wuhan").isEqualTo("420100");
    }

    @Test
    void a_provider_naming_neither_division_nor_pilot_city_is_asked_for_its_division() {
        assertThat(violations(placed(Drafts.hydrogenExpert(), null, null, List.of()))).extracting(Violation::field)
                .containsExactly("divisionCode");
        assertThat(violations(placed(Drafts.hydrogenExpert(), null, "999999", List.of())))
                .extracting(Violation::field).containsExactly("divisionCode");
    }

    @Test
    void regions_served_are_economic_zones_or_provinces_not_cities_nor_the_old_city_clusters() {
        assertThat(violations(placed(Drafts.hydrogenExpert(), null, "530100",
                List.of("NORTHWEST", "650000", "MIDDLE_YANGTZE", "530100")))).extracting(Violation::field)
                .containsExactly("regionsServed[2]", "regionsServed[3]");
    }

    private static ProfileDraft placed(ProfileDraft d, String cityCode, String divisionCode, List<String> regions) {
        return new ProfileDraft(d.name(), d.kind(), d.affiliation(), d.affiliationCreditCode(), d.title(),
                d.fieldCodes(), d.skills(), d.keywords(), d.summary(), d.achievements(), d.services(), cityCode,
                divisionCode, regions, d.languages(), d.capacity(), d.conflictCreditCodes(), d.email(), d.phone());
    }
}
