package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.innovationchina.demand.DemandServiceApplication;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.PilotCityChanged;
import cn.innovationchina.events.PilotCityDesignated;
import cn.innovationchina.testkit.AnotherInstance;
import cn.innovationchina.testkit.ServiceTest;

/**
 * The platform administrator keeps the pilot-city list through the API, without a restart: the cities of the
 * reference file are its first entries, and a new city works at once.
 */
@ServiceTest
class PilotCityListTest extends DemandScenario {

    @Test
    void a_platform_administrator_designates_a_new_pilot_city_and_its_administrator_reviews_a_demand_there() {
        var admin = platformAdmin();
        var designated = admin.designates(Cities.changsha()).expect(201);
        assertThat(designated.headers().getLocation()).hasToString("/pilot-cities/CHANGSHA");
        var announced = events().expect(PilotCityDesignated.class, "CHANGSHA").exactlyOnce();
        assertThat(announced.payload()).isEqualTo(new PilotCityDesignated("CHANGSHA", "长沙", "Changsha", "430100", 2,
                true, List.of("changsha-admin")));
        assertThat(announced.cityCode()).isEqualTo("CHANGSHA");

        var enterprise = registeredEnterprise("CHANGSHA");
        var demand = enterprise.hasDrafted(hydrogen("CHANGSHA"));
        assertThat(enterprise.submits(demand).ok().text("status")).isEqualTo("SUBMITTED");
        events().expect(DemandPublished.class, demand.id()).never();

        var changshaAdmin = cityAdmin("changsha-admin", "CHANGSHA");
        assertThat(changshaAdmin.lists("status=SUBMITTED").itemIds()).containsExactly(demand.id());
        assertThat(changshaAdmin.approves(demand).ok().text("status")).isEqualTo("PUBLISHED");
        assertThat(events().expect(DemandPublished.class, demand.id()).exactlyOnce().cityCode())
                .isEqualTo("CHANGSHA");
    }

    @Test
    void the_cities_of_the_reference_file_are_the_first_entries_each_announced_once() {
        var cities = platformAdmin().get("/pilot-cities").ok();

        assertThat(codes(cities)).contains("XIANNING", "WUHAN", "QUANZHOU", "GUANGZHOU", "SHENZHEN", "NANNING",
                "CHENGDU", "MIANYANG", "TIANFU", "PANZHIHUA", "CHONGQING", "BEIJING", "JIAXING");
        var xianning = platformAdmin().get("/pilot-cities/XIANNING").ok();
        assertThat(xianning.body()).containsEntry("divisionCode", "421200").containsEntry("batch", 1)
                .containsEntry("reviewRequired", true).containsEntry("provinceEn", "Hubei")
                .containsEntry("administrators", List.of()).containsEntry("status", "ACTIVE");
        events().expect(PilotCityDesignated.class, "XIANNING").exactlyOnce();
    }

    @Test
    void a_second_instance_starting_on_the_same_list_seeds_nothing_twice() {
        int before = codes(platformAdmin().get("/pilot-cities").ok()).size();

        try (var second = AnotherInstance.of(DemandServiceApplication.class)) {
            assertThat(second.url()).isNotBlank();
        }

        assertThat(codes(platformAdmin().get("/pilot-cities").ok())).hasSize(before);
        events().expect(PilotCityDesignated.class, "WUHAN").exactlyOnce();
    }

    @Test
    void a_city_that_stops_reviewing_publishes_the_next_submission_at_once() {
        var admin = platformAdmin();
        var city = Cities.another(true);
        String code = (String) city.get("code");
        String etag = admin.designates(city).expect(201).etag();
        var enterprise = registeredEnterprise(code);

        var changed = admin.changes(code, etag, Cities.with(city, "reviewRequired", false)).ok();

        assertThat(changed.get("reviewRequired")).isEqualTo(false);
        assertThat(events().expect(PilotCityChanged.class, code).exactlyOnce().payload().reviewRequired()).isFalse();
        var demand = enterprise.hasDrafted(hydrogen(code));
        assertThat(enterprise.submits(demand).ok().text("status")).isEqualTo("PUBLISHED");
        assertThat(events().expect(DemandSubmitted.class, demand.id()).exactlyOnce().payload().reviewRequired())
                .isFalse();
    }

    @Test
    void an_enterprise_cannot_register_in_a_city_before_it_is_designated() {
        var city = Cities.another(false);
        String code = (String) city.get("code");
        var enterprise = unregisteredEnterprise(code);

        assertThat(enterprise.registers("Early Ltd", CreditCodes.fresh(), code).invalidField()).isEqualTo("cityCode");

        platformAdmin().designates(city).expect(201);
        enterprise.registers("Early Ltd", CreditCodes.fresh(), code).expect(201);
    }

    @Test
    void every_signed_in_user_reads_the_list_but_only_administrators_see_who_administers_a_city() {
        var city = Cities.another(true);
        String code = (String) city.get("code");
        platformAdmin().designates(city).expect(201);

        var seenByEnterprise = registeredEnterprise(REVIEWED_CITY).get("/pilot-cities/" + code).ok();
        var seenByItsAdmin = cityAdmin(code).get("/pilot-cities/" + code).ok();

        assertThat(seenByEnterprise.body()).containsEntry("code", code).doesNotContainKey("administrators");
        assertThat(seenByItsAdmin.get("administrators")).isEqualTo(city.get("administrators"));
        expert().get("/pilot-cities").ok();
    }

    @Test
    void only_a_platform_administrator_designates_or_changes_a_city() {
        var city = Cities.another(true);

        cityAdmin(REVIEWED_CITY).call(HttpMethod.POST, "/pilot-cities", city, null)
                .expect(403);
        registeredEnterprise(REVIEWED_CITY).call(HttpMethod.PUT, "/pilot-cities/XIANNING",
                Cities.with(city, "code", "XIANNING"), "\"1\"").expect(403);
    }

    @Test
    void a_code_already_on_the_list_is_a_conflict() {
        platformAdmin().designates(Cities.with(Cities.another(true), "code", "XIANNING")).expect(409);
    }

    @Test
    void a_change_needs_the_etag_of_the_city_as_last_read() {
        var admin = platformAdmin();
        var city = Cities.another(true);
        String code = (String) city.get("code");
        String etag = admin.designates(city).expect(201).etag();
        admin.changes(code, etag, Cities.with(city, "batch", 3)).ok();

        assertThat(admin.changes(code, null, Cities.with(city, "batch", 4)).requiredHeader()).isEqualTo("If-Match");
        admin.changes(code, etag, Cities.with(city, "batch", 4)).expect(412);
    }

    @Test
    void what_is_wrong_with_a_city_is_named_field_by_field() {
        var admin = platformAdmin();

        assertThat(admin.designates(Cities.with(Cities.another(true), "code", "changsha")).invalidField())
                .isEqualTo("code");
        assertThat(admin.designates(Cities.with(Cities.another(true), "divisionCode", "999999")).invalidField())
                .isEqualTo("divisionCode");
        assertThat(admin.designates(Cities.with(Cities.another(true), "batch", 0)).invalidField()).isEqualTo("batch");
        assertThat(admin.designates(Cities.with(Cities.another(true), "nameZh", "")).invalidField())
                .isEqualTo("nameZh");
        var nameless = Cities.another(true);
        nameless.remove("nameEn");
        assertThat(admin.designates(nameless).invalidField()).isEqualTo("nameEn");
    }

    @Test
    void a_changed_code_is_refused_naming_it() {
        var admin = platformAdmin();
        var city = Cities.another(true);
        String code = (String) city.get("code");
        String etag = admin.designates(city).expect(201).etag();

        assertThat(admin.changes(code, etag, Cities.with(city, "code", "OTHER")).invalidField())
                .isEqualTo("code");
    }

    @Test
    void a_user_administers_one_city_only() {
        var admin = platformAdmin();
        var first = Cities.another(true);
        admin.designates(first).expect(201);

        var second = Cities.with(Cities.another(true), "administrators", first.get("administrators"));

        assertThat(admin.designates(second).invalidField()).isEqualTo("administrators");
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Reply list) {
        return ((List<Map<String, Object>>) list.get("cities")).stream().map(city -> (String) city.get("code"))
                .toList();
    }
}
