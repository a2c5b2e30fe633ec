package cn.innovationchina.expert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.ProviderAvailabilityChanged;
import cn.innovationchina.events.ProviderDeactivated;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfileUpdated;
import cn.innovationchina.events.ProviderRegistered;
import cn.innovationchina.events.ProviderVerified;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.IllegalTransition;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

class ProviderTest {

    private static final ProfileRules RULES = new ProfileRules(FieldTaxonomy.standard(), PilotCities.standard(),
            Divisions.standard());
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static Provider registered() {
        var accepted = RULES.require(Drafts.hydrogenExpert());
        return Provider.register("PRV-1", null, null, accepted.profile(), accepted.contact()).state();
    }

    @Test
    void a_new_provider_is_active_unverified_available_and_announced_without_contact() {
        var accepted = RULES.require(Drafts.hydrogenExpert());
        var decision = Provider.register("PRV-1", null, null, accepted.profile(), accepted.contact());

        assertThat(decision.state().isActive()).isTrue();
        assertThat(decision.state().verification()).isEqualTo(Verification.UNVERIFIED);
        var registered = (ProviderRegistered) decision.events().get(0);
        assertThat(registered.profile().availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(registered.profile().verified()).isFalse();
        assertThat(registered.toString()).doesNotContain("zhang.wei@example.cn").doesNotContain("8765");
    }

    @Test
    void a_contact_only_change_is_stored_without_telling_anyone() {
        var provider = registered();
        var decision = provider.revise(provider.profile(), new Contact("new@example.cn", null));

        assertThat(decision.events()).isEmpty();
        assertThat(decision.state().contact().email()).isEqualTo("new@example.cn");
    }

    @Test
    void a_profile_change_publishes_the_whole_new_profile() {
        var provider = registered();
        var draft = Drafts.hydrogenExpert();
        var changed = RULES.require(new ProfileDraft(draft.name(), draft.kind(), draft.affiliation(), null, "研究员",
                draft.fieldCodes(), draft.skills(), draft.keywords(), draft.summary(), draft.achievements(),
                draft.services(), draft.cityCode(), draft.divisionCode(), draft.regionsServed(), draft.languages(), 5, draft.conflictCreditCodes(),
                draft.email(), draft.phone()));

        var event = (ProviderProfileUpdated) provider.revise(changed.profile(), changed.contact()).events().get(0);

        assertThat(event.profile().title()).isEqualTo("研究员");
        assertThat(event.profile().capacity()).isEqualTo(5);
    }

    @Test
    void going_on_leave_needs_a_future_return_date() {
        var provider = registered();

        assertThatThrownBy(() -> provider.changeAvailability(Availability.ON_LEAVE, null, TODAY))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("until"));
        assertThatThrownBy(() -> provider.changeAvailability(Availability.ON_LEAVE, TODAY, TODAY))
                .isInstanceOf(InvalidInput.class);
        var event = (ProviderAvailabilityChanged) provider
                .changeAvailability(Availability.ON_LEAVE, TODAY.plusDays(30), TODAY).events().get(0);
        assertThat(event.until()).isEqualTo(TODAY.plusDays(30));
    }

    @Test
    void a_leave_may_last_ten_years_and_not_a_day_more() {
        var provider = registered();

        assertThat(provider.changeAvailability(Availability.ON_LEAVE, TODAY.plusYears(10), TODAY).state()
                .availableFrom()).isEqualTo(TODAY.plusYears(10));
        assertThatThrownBy(() -> provider.changeAvailability(Availability.ON_LEAVE, TODAY.plusYears(10).plusDays(1),
                TODAY)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("until"));
    }

    @Test
    void a_provider_is_verified_once() {
        var verified = registered().verify("admin-1");

        assertThat(((ProviderVerified) verified.events().get(0)).verifiedBy()).isEqualTo("admin-1");
        assertThat(verified.state().published().verified()).isTrue();
        assertThatThrownBy(() -> verified.state().verify("admin-2")).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void a_new_kind_undoes_the_verification_and_only_a_verified_group_enrols() {
        var verified = registered().verify("admin-1").state();
        var draft = Drafts.hydrogenExpert();
        var asSociety = RULES.require(new ProfileDraft(draft.name(), ProviderKind.SOCIETY, draft.affiliation(), null,
                null, draft.fieldCodes(), draft.skills(), draft.keywords(), draft.summary(), draft.achievements(),
                draft.services(), draft.cityCode(), draft.divisionCode(), draft.regionsServed(), draft.languages(), 5,
                draft.conflictCreditCodes(), draft.email(), draft.phone()));

        var society = verified.revise(asSociety.profile(), asSociety.contact());

        assertThat(society.state().verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(society.state().verifiedBy()).isNull();
        assertThat(((ProviderProfileUpdated) society.events().get(0)).profile().verified()).isFalse();
        assertThatThrownBy(() -> society.state().requireVerifiedToEnrol()).isInstanceOf(Conflict.class);
        society.state().verify("admin-2").state().requireVerifiedToEnrol();
        assertThat(verified.revise(verified.profile(), new Contact("new@example.cn", null)).state().verification())
                .as("the same kind keeps it").isEqualTo(Verification.VERIFIED);
    }

    @Test
    void a_deactivated_provider_can_no_longer_change() {
        var deactivated = registered().deactivate("retired");

        assertThat(((ProviderDeactivated) deactivated.events().get(0)).reason()).isEqualTo("retired");
        var provider = deactivated.state();
        assertThatThrownBy(() -> provider.revise(provider.profile(), provider.contact()))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> provider.verify("admin")).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> provider.deactivate(null)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void an_expert_joins_one_group_and_an_organisation_joins_none() {
        var member = registered().joinGroup("SOC-1");

        assertThat(((ProviderProfileUpdated) member.events().get(0)).profile().memberOf()).isEqualTo("SOC-1");
        assertThat(member.state().joinGroup("SOC-1").events()).isEmpty();
        assertThatThrownBy(() -> member.state().joinGroup("SOC-2")).isInstanceOf(Conflict.class);
        var society = RULES.require(new ProfileDraft("中国通信学会", ProviderKind.SOCIETY, null, null, null, null, null,
                null, "通信", null, null, "XIANNING", null, null, null, 20, null, null, null));
        var group = Provider.register("SOC-1", null, null, society.profile(), society.contact()).state();
        assertThatThrownBy(() -> group.joinGroup("SOC-2")).isInstanceOf(Conflict.class);
    }

    @Test
    void a_member_stays_an_expert_until_it_leaves_its_group() {
        var member = registered().joinGroup("SOC-1").state();
        var asOrganisation = RULES.require(new ProfileDraft("光电检测中心", ProviderKind.SERVICE_ORG, null, null, null,
                null, null, null, "检测", null, null, "XIANNING", null, null, null, 20, null, null, null));

        assertThatThrownBy(() -> member.revise(asOrganisation.profile(), asOrganisation.contact()))
                .isInstanceOf(Conflict.class);
        var left = member.leaveGroup("SOC-1").state();
        assertThat(left.revise(asOrganisation.profile(), asOrganisation.contact()).state().profile().kind())
                .isEqualTo(ProviderKind.SERVICE_ORG);
    }
}
