package cn.innovationchina.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.util.JsonSerialization;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the compose file is checked for what makes it work: real infrastructure with
 * health checks, and every service module present, built, health-checked and started after its dependencies.
 */
class ComposeFileTest {

    private static final String GATEWAY = "gateway";
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) ((Map<String, Object>)
            new Yaml().load(read(ROOT.resolve("docker-compose.yml")))).get("services");

    @Test
    void kafka_runs_in_kraft_mode_and_mongodb_as_a_replica_set_both_health_checked() {
        var kafka = services.get("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(environment(kafka)).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(kafka).containsKeys("healthcheck", "mem_limit");

        var mongodb = services.get("mongodb");
        assertThat((String) mongodb.get("image")).startsWith("mongo:");
        assertThat((List<String>) mongodb.get("command")).contains("--replSet");
        assertThat(mongodb).containsKeys("healthcheck", "mem_limit");
    }

    @Test
    void every_service_module_is_built_health_checked_and_waits_for_healthy_infrastructure() throws IOException {
        for (String module : serviceModules()) {
            assertThat(services).as("docker-compose entry for %s", module).containsKey(module);
            if (module.equals(GATEWAY)) {
                continue;
            }
            var service = services.get(module);
            assertThat(service).as(module).containsKeys("build", "healthcheck", "mem_limit");
            @SuppressWarnings("unchecked")
            var dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn).as("%s depends_on", module).containsKeys("kafka", "mongodb");
            assertThat(dependsOn.values()).as(module)
                    .allSatisfy(condition -> assertThat(condition).containsEntry("condition", "service_healthy"));
        }
    }

    @Test
    void keycloak_imports_the_realm_and_every_service_trusts_its_tokens() throws IOException {
        var keycloak = services.get("keycloak");
        assertThat((String) keycloak.get("image")).startsWith("quay.io/keycloak/keycloak:");
        assertThat(keycloak.get("command").toString()).contains("start-dev", "--import-realm");
        assertThat(keycloak.get("volumes").toString()).contains("./infra/keycloak:/opt/keycloak/data/import");
        assertThat(keycloak).containsKeys("healthcheck", "mem_limit");
        for (String module : serviceModules()) {
            assertThat(environment(services.get(module))).as("%s trusts Keycloak", module)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                            "http://keycloak:8080/realms/innovation-china/protocol/openid-connect/certs")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                            "http://localhost:8180/realms/innovation-china")
                    .doesNotContainKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_gateway_routes_to_every_service_by_name_and_starts_once_they_are_healthy() throws IOException {
        var gateway = services.get(GATEWAY);
        assertThat(gateway).containsKeys("build", "healthcheck", "mem_limit");
        assertThat((List<String>) gateway.get("ports")).containsExactly("8080:8080");
        var dependsOn = (Map<String, Map<String, String>>) gateway.get("depends_on");
        for (String module : serviceModules()) {
            if (!module.equals(GATEWAY)) {
                String variable = module.replace("-service", "").toUpperCase() + "_SERVICE_URL";
                assertThat(environment(gateway)).as(variable).containsEntry(variable, "http://" + module + ":"
                        + ((List<String>) services.get(module).get("ports")).get(0).split(":")[1]);
                assertThat(dependsOn).as("gateway depends_on").containsEntry(module,
                        Map.of("condition", "service_healthy"));
            }
        }
        assertThat(dependsOn).containsEntry("keycloak", Map.of("condition", "service_healthy"));
        assertThat(environment(gateway)).doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void the_realm_has_the_four_roles_a_demo_user_of_each_and_the_claims_the_services_read() throws IOException {
        RealmRepresentation realm;
        try (var json = Files.newInputStream(ROOT.resolve("infra/keycloak/innovation-china-realm.json"))) {
            realm = JsonSerialization.readValue(json, RealmRepresentation.class);
        }
        var roles = realm.getRoles().getRealm().stream().map(RoleRepresentation::getName).toList();
        assertThat(roles).containsExactlyInAnyOrder("ENTERPRISE", "EXPERT", "CITY_ADMIN", "PLATFORM_ADMIN");

        var console = realm.getClients().stream()
                .filter(client -> client.getClientId().equals("innovation-china-console")).findFirst().orElseThrow();
        assertThat(console.isPublicClient()).isTrue();
        assertThat(console.getRedirectUris()).contains("http://localhost:8080/*");
        assertThat(console.getProtocolMappers())
                .filteredOn(mapper -> "true".equals(mapper.getConfig().get("access.token.claim")))
                .extracting(mapper -> mapper.getConfig().get("claim.name"))
                .containsExactlyInAnyOrder("role", "organisationId", "providerId", "cityCode");

        Map<String, String> needs = Map.of("ENTERPRISE", "organisationId", "EXPERT", "providerId",
                "CITY_ADMIN", "cityCode", "PLATFORM_ADMIN", "role");
        assertThat(realm.getUsers()).allSatisfy(user -> {
            String role = user.getAttributes().get("role").get(0);
            assertThat(user.getAttributes()).as(user.getUsername()).containsKey(needs.get(role));
            assertThat(user.getRealmRoles()).as(user.getUsername()).containsExactly(role);
        });
        assertThat(realm.getUsers()).extracting(user -> user.getAttributes().get("role").get(0))
                .containsAll(roles);

        // Keycloak 24+ leaves attributes out of tokens unless its user profile declares them.
        var profile = JsonSerialization.readValue(realm.getComponents()
                .getFirst("org.keycloak.userprofile.UserProfileProvider").getConfig()
                .getFirst("kc.user.profile.config"), UPConfig.class);
        assertThat(profile.getAttributes()).extracting(UPAttribute::getName)
                .contains("username", "email", "role", "organisationId", "providerId", "cityCode");
    }

    @Test
    void every_built_entry_is_a_service_module_of_the_build() throws IOException {
        String rootPom = read(ROOT.resolve("pom.xml"));
        var modules = serviceModules();
        services.forEach((name, service) -> {
            if (service.containsKey("build")) {
                assertThat(modules).as("compose entry %s has a module", name).contains(name);
            }
        });
        assertThat(modules).allSatisfy(module -> assertThat(rootPom).as("root pom modules")
                .contains("<module>services/" + module + "</module>"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    private static List<String> serviceModules() throws IOException {
        Path services = ROOT.resolve("services");
        if (!Files.isDirectory(services)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(services)) {
            return dirs.filter(dir -> Files.exists(dir.resolve("pom.xml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
