package cn.innovationchina.expert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

class CompletenessTest {

    private static final ProfileRules RULES = new ProfileRules(FieldTaxonomy.standard(), PilotCities.standard(),
            Divisions.standard());

    private static Completeness of(ProfileDraft draft) {
        var accepted = RULES.require(draft);
        return Completeness.of(accepted.profile(), accepted.contact());
    }

    @Test
    void a_full_expert_profile_is_complete_with_nothing_missing() {
        var completeness = of(Drafts.hydrogenExpert());

        assertThat(completeness.score()).isEqualTo(100);
        assertThat(completeness.missing()).isEmpty();
    }

    @Test
    void a_thin_profile_scores_low_and_says_what_to_add() {
        var completeness = of(Drafts.thinExpert());

        assertThat(completeness.missing()).extracting(Completeness.Missing::field).containsExactly("summary",
                "fieldCodes", "skills", "achievements", "services", "affiliation", "title", "regionsServed",
                "languages", "contact");
        assertThat(completeness.score()).isZero();
        assertThat(completeness.missing()).allSatisfy(m -> assertThat(m.advice()).isNotBlank());
    }

    @Test
    void an_organisation_is_asked_for_its_credit_code_not_a_title() {
        var expert = Drafts.hydrogenExpert();
        var institute = new ProfileDraft("武汉氢能研究院", ProviderKind.INSTITUTE, expert.affiliation(), null, null,
                expert.fieldCodes(), expert.skills(), expert.keywords(), expert.summary(), expert.achievements(),
                expert.services(), expert.cityCode(), expert.divisionCode(), expert.regionsServed(), expert.languages(), 10, List.of(),
                expert.email(), null);

        var completeness = of(institute);

        assertThat(completeness.missing()).extracting(Completeness.Missing::field)
                .containsExactly("affiliationCreditCode");
        assertThat(completeness.score()).isEqualTo(95);
    }
}
