package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.testkit.ServiceTest;

/** An enterprise registers its organisation once, with a valid Unified Social Credit Code. */
@ServiceTest
class EnterpriseRegistrationTest extends DemandScenario {

    @Test
    void an_enterprise_registers_its_organisation_and_reads_it_back() {
        var enterprise = unregisteredEnterprise(REVIEWED_CITY);
        String code = CreditCodes.fresh();

        enterprise.registers("咸宁氢能科技有限公司", code.toLowerCase(), REVIEWED_CITY).expect(201);

        var mine = enterprise.get("/enterprises/me").ok();
        assertThat(mine.text("id")).isEqualTo(enterprise.organisationId());
        assertThat(mine.text("name")).isEqualTo("咸宁氢能科技有限公司");
        assertThat(mine.text("creditCode")).isEqualTo(code);
        assertThat(mine.text("divisionCode")).as("lies in its pilot city's division").isEqualTo("421200");
    }

    @Test
    void an_enterprise_of_a_pilot_city_names_the_division_it_is_in_and_its_demands_carry_it() {
        var enterprise = unregisteredEnterprise(UNREVIEWED_CITY);
        enterprise.registers("孝感光电有限公司", CreditCodes.fresh(), UNREVIEWED_CITY, "420900").expect(201);

        assertThat(enterprise.get("/enterprises/me").ok().text("divisionCode")).isEqualTo("420900");
        var demand = publishedBy(enterprise, hydrogen(UNREVIEWED_CITY));

        var published = events().expect(DemandPublished.class, demand.id()).exactlyOnce().payload();
        assertThat(published.enterprise().divisionCode()).isEqualTo("420900");
        assertThat(published.cityCode()).as("its pilot city is chosen as before").isEqualTo(UNREVIEWED_CITY);
    }

    @Test
    void a_division_code_that_is_no_place_in_china_is_refused_naming_the_field() {
        var refused = unregisteredEnterprise(REVIEWED_CITY).registers("Nowhere Ltd", CreditCodes.fresh(),
                REVIEWED_CITY, "999999");

        assertThat(refused.invalidField()).isEqualTo("divisionCode");
    }

    @Test
    void a_credit_code_with_a_wrong_check_character_is_refused_naming_the_field() {
        String valid = CreditCodes.fresh();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';

        var refused = unregisteredEnterprise(REVIEWED_CITY).registers("Typo Ltd", valid.substring(0, 17) + wrong,
                REVIEWED_CITY);

        assertThat(refused.invalidField()).isEqualTo("creditCode");
    }

    @Test
    void a_credit_code_of_the_wrong_length_is_refused_naming_the_field() {
        var refused = unregisteredEnterprise(REVIEWED_CITY).registers("Short Ltd", "91421200MA4F0", REVIEWED_CITY);

        assertThat(refused.invalidField()).isEqualTo("creditCode");
    }

    @Test
    void a_credit_code_registers_only_once() {
        String code = CreditCodes.fresh();
        unregisteredEnterprise(REVIEWED_CITY).registers("First Ltd", code, REVIEWED_CITY).expect(201);

        unregisteredEnterprise(REVIEWED_CITY).registers("Copycat Ltd", code, REVIEWED_CITY).expect(409);
    }

    @Test
    void an_organisation_registers_only_once() {
        var enterprise = registeredEnterprise(REVIEWED_CITY);

        enterprise.registers("Second name Ltd", CreditCodes.fresh(), REVIEWED_CITY).expect(409);
    }

    @Test
    void an_enterprise_in_a_place_that_is_not_a_pilot_city_is_refused() {
        var refused = unregisteredEnterprise(REVIEWED_CITY).registers("Far Away Ltd", CreditCodes.fresh(),
                "ATLANTIS");

        assertThat(refused.invalidField()).isEqualTo("cityCode");
    }

    @Test
    void an_expert_may_not_register_an_enterprise() {
        expert().call(HttpMethod.POST, "/enterprises", Map.of("name", "x", "creditCode",
                CreditCodes.fresh(), "cityCode", REVIEWED_CITY, "industry", "x", "size", "SMALL"), null).expect(403);
    }

    @Test
    void the_service_describes_its_api() {
        var docs = unregisteredEnterprise(REVIEWED_CITY).get("/v3/api-docs").ok();

        assertThat(docs.text("info.title")).isEqualTo("demand-service");
        assertThat(docs.get("paths")).asInstanceOf(InstanceOfAssertFactories.MAP).containsKeys("/demands", "/demands/{id}/approve",
                "/enterprises");
    }
}
