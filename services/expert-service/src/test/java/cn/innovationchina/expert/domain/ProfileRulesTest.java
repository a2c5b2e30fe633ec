package cn.innovationchina.expert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

class ProfileRulesTest {

    private static final ProfileRules RULES = new ProfileRules(FieldTaxonomy.standard(), PilotCities.standard());

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
                List.of("MIDDLE_YANGTZE", "MARS"), List.of("Chinese"), 0, List.of("123"), "no-at-sign", "call me");

        assertThat(violations(bad)).extracting(Violation::field).containsExactly("name", "kind",
                "affiliationCreditCode", "fieldCodes[1]", "achievements[0].reference", "cityCode",
                "regionsServed[1]", "languages[0]", "capacity", "conflictCreditCodes[0]", "email", "phone");
    }

    @Test
    void a_patent_needs_its_number() {
        var d = Drafts.hydrogenExpert();
        var draft = new ProfileDraft(d.name(), d.kind(), d.affiliation(), null, d.title(), d.fieldCodes(), d.skills(),
                d.keywords(), d.summary(), List.of(new Achievement(Achievement.Kind.PATENT, "双极板", null, null)),
                d.services(), d.cityCode(), d.regionsServed(), d.languages(), 2, List.of(), null, null);

        assertThat(violations(draft)).containsExactly(
                new Violation("achievements[0].reference", "a patent needs its number"));
    }
}
