package cn.innovationchina.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import cn.innovationchina.devstack.demo.DemoData.Provider;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.UnifiedSocialCreditCode;

/** The whole world as the files and rules build it, without a stack: what the small world of DemoWorldTest skips. */
class DemoDataTest {

    private final DemoData world = new DemoData();

    @Test
    void the_world_has_two_hundred_distinct_providers_of_every_kind_covering_every_field_and_city() {
        List<Provider> providers = world.providers(DemoData.WORLD_PROVIDERS);

        assertThat(providers).hasSize(200);
        assertThat(providers).extracting(Provider::id).doesNotHaveDuplicates();
        assertThat(providers).extracting(p -> p.profile().get("name")).doesNotHaveDuplicates();
        assertThat(providers).extracting(Provider::kind).contains("EXPERT", "INSTITUTE", "UNIVERSITY_LAB", "SOCIETY",
                "SERVICE_ORG");
        Set<Object> fields = new HashSet<>();
        providers.forEach(p -> fields.addAll((List<?>) p.profile().get("fieldCodes")));
        assertThat(fields).containsAll(world.fieldsWithExperts().stream().map(f -> f.code()).toList());
        assertThat(world.fieldsWithExperts()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(providers).extracting(Provider::cityCode).containsAll(PilotCities.standard().cities().stream()
                .map(c -> c.code()).toList());
        assertThat(providers.stream().filter(Provider::verify).count()).isBetween(30L, 80L);
    }

    @Test
    void experts_outside_every_pilot_city_register_with_their_own_division() {
        var outside = world.providers(DemoData.WORLD_PROVIDERS).stream().filter(p -> p.cityCode() == null).toList();

        assertThat(outside).extracting(p -> p.profile().get("divisionCode"))
                .contains("430100", "610100", "340100", "230100");
        assertThat(outside).allSatisfy(p -> assertThat(Divisions.standard().find((String) p.profile()
                .get("divisionCode"))).isPresent());
    }

    @Test
    void a_small_world_keeps_the_first_providers_and_demands_of_the_full_one() {
        assertThat(world.providers(20)).isEqualTo(world.providers(200).subList(0, 20));
        assertThat(world.providers(20)).extracting(Provider::kind).contains("EXPERT", "INSTITUTE");
        assertThat(world.demands(5)).extracting(DemoData.Demand::story).contains("closed", "contract", "declined",
                "rejected");
    }

    @Test
    void fifty_demands_of_every_pilot_city_with_valid_credit_codes() {
        var demands = world.demands(Integer.MAX_VALUE);

        assertThat(demands).hasSize(50);
        assertThat(demands).extracting(d -> world.enterprise(d.enterprise()).cityCode()).containsAll(
                PilotCities.standard().cities().stream().map(c -> c.code()).toList());
        assertThat(demands).extracting(DemoData.Demand::story).containsAll(DemoData.STORIES);
        // The example code of the enterprise guide's journey (docs/guides/enterprise.md): 91421200728234567 + its
        // check character 4.
        assertThat(UnifiedSocialCreditCode.checkCharacter("91421200728234567")).isEqualTo('4');
    }

    @Test
    void every_user_of_the_development_login_finds_its_organisation_in_the_world_with_its_story()
            throws IOException {
        var providers = world.providers(DemoData.WORLD_PROVIDERS).stream().map(Provider::id).toList();
        var demands = world.demands(Integer.MAX_VALUE);

        for (Map<String, Object> user : developmentLoginUsers()) {
            if (user.get("organisation-id") instanceof String enterprise) {
                assertThat(demands).as("%s's demands", user.get("id")).filteredOn(d -> d.enterprise()
                        .equals(enterprise)).extracting(DemoData.Demand::story).containsAnyOf("contract", "closed");
            }
            if (user.get("provider-id") instanceof String provider) {
                assertThat(providers).as("%s's provider", user.get("id")).contains(provider);
            }
        }
        assertThat(demands).as("the expert's contract").extracting(DemoData.Demand::provider).contains("PRV-0001");
    }

    @Test
    void the_small_world_of_the_demo_test_has_the_login_expert_and_the_demand_it_works_on() {
        assertThat(world.providers(20)).extracting(Provider::id).contains("PRV-0001");
        assertThat(world.demands(5)).extracting(DemoData.Demand::provider).contains("PRV-0001");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> developmentLoginUsers() throws IOException {
        Map<String, Object> settings = new Yaml().load(Files.readString(Path.of("../..").toAbsolutePath().normalize()
                .resolve("services/gateway/src/main/resources/application-dev.yml")));
        var issuer = (Map<String, Object>) ((Map<String, Object>) settings.get("gateway")).get("dev-issuer");
        return (List<Map<String, Object>>) issuer.get("users");
    }
}
