package cn.innovationchina.demand.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.PilotCityChanged;
import cn.innovationchina.events.PilotCityDesignated;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.Divisions;

/** What the platform administrator may say about a pilot city, decided by the aggregate alone. */
class PilotCityTest {

    private static final Divisions DIVISIONS = Divisions.standard();
    private static final PilotCity.Terms CHANGSHA = new PilotCity.Terms(" 长沙 ", "Changsha", "430100", 2, true,
            List.of("changsha-admin", " changsha-admin ", "changsha-deputy"));

    @Test
    void a_designated_city_is_announced_with_its_whole_state() {
        var decision = PilotCity.designate("CHANGSHA", CHANGSHA, DIVISIONS);

        assertThat(decision.state().nameZh()).isEqualTo("长沙");
        assertThat(decision.state().administrators()).containsExactly("changsha-admin", "changsha-deputy");
        assertThat(decision.state().status()).isEqualTo(PilotCityStatus.ACTIVE);
        assertThat(decision.events()).singleElement().isEqualTo(new PilotCityDesignated("CHANGSHA", "长沙",
                "Changsha", "430100", 2, true, List.of("changsha-admin", "changsha-deputy")));
    }

    @Test
    void a_change_announces_the_new_state_and_no_change_announces_nothing() {
        var city = PilotCity.designate("CHANGSHA", CHANGSHA, DIVISIONS).state().atVersion(1);
        var reviewOff = new PilotCity.Terms("长沙", "Changsha", "430100", 2, false, List.of("changsha-admin"));

        assertThat(city.change(reviewOff, DIVISIONS).events()).singleElement().isEqualTo(new PilotCityChanged(
                "CHANGSHA", "长沙", "Changsha", "430100", 2, false, List.of("changsha-admin")));
        assertThat(city.change(CHANGSHA, DIVISIONS).events()).isEmpty();
    }

    @Test
    void each_rule_names_its_field() {
        assertField(() -> PilotCity.designate("changsha", CHANGSHA, DIVISIONS), "code");
        assertField(() -> PilotCity.designate("C", CHANGSHA, DIVISIONS), "code");
        assertField(() -> PilotCity.designate(null, CHANGSHA, DIVISIONS), "code");
        assertField(() -> designate(new PilotCity.Terms(" ", "Changsha", "430100", 2, true, List.of())), "nameZh");
        assertField(() -> designate(new PilotCity.Terms("长沙", null, "430100", 2, true, List.of())), "nameEn");
        assertField(() -> designate(new PilotCity.Terms("长沙", "Changsha", "439999", 2, true, List.of())),
                "divisionCode");
        assertField(() -> designate(new PilotCity.Terms("长沙", "Changsha", "430100", 0, true, List.of())), "batch");
        assertField(() -> designate(new PilotCity.Terms("长沙", "Changsha", "430100", 2, true, List.of(""))),
                "administrators");
    }

    private static void designate(PilotCity.Terms terms) {
        PilotCity.designate("CHANGSHA", terms, DIVISIONS);
    }

    private static void assertField(Runnable decision, String field) {
        assertThatThrownBy(decision::run).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo(field));
    }
}
