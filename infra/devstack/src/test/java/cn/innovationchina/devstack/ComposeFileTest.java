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

import cn.innovationchina.platform.security.PlatformClaims;

/**
 * No Docker engine runs here, so the compose file is checked for what makes it work: real infrastructure with
 * health checks, every service module present, built, health-checked and started after its dependencies, and the
 * observability around them: Prometheus scraping every service, Grafana with its datasource and dashboard.
 */
class ComposeFileTest {

    private static final String GATEWAY = "gateway";
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path OBSERVABILITY = ROOT.resolve("infra/observability");

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
    void the_notification_service_emails_through_the_test_smtp_server_whose_page_is_published() {
        var mailpit = services.get("mailpit");
        assertThat((String) mailpit.get("image")).startsWith("axllent/mailpit:");
        assertThat(strings(mailpit.get("ports"))).contains("8025:8025");
        assertThat(environment(services.get("notification-service"))).containsEntry("SPRING_MAIL_HOST", "mailpit")
                .containsEntry("SPRING_MAIL_PORT", 1025);
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
    @SuppressWarnings("unchecked")
    void every_service_listens_on_the_compose_network_and_only_the_gateway_is_published_beyond_this_host()
            throws IOException {
        for (String module : serviceModules()) {
            var service = services.get(module);
            // The platform's default is loopback only (platform-defaults.properties); in a container that is nobody.
            assertThat(environment(service)).as(module).containsEntry("SERVER_ADDRESS", "0.0.0.0");
            if (!module.equals(GATEWAY)) {
                assertThat((List<String>) service.get("ports")).as("%s is published on this host's loopback", module)
                        .allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
            }
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
        // The console's address: docker-compose's by default, the devstack's (its port base) from its environment.
        assertThat(console.getRedirectUris()).containsExactly("${INNOVATION_CHINA_CONSOLE_URL:http://localhost:8080}/*");
        assertThat(console.getProtocolMappers())
                .filteredOn(mapper -> "true".equals(mapper.getConfig().get("access.token.claim")))
                .filteredOn(mapper -> mapper.getProtocolMapper().equals("oidc-usermodel-attribute-mapper"))
                .extracting(mapper -> mapper.getConfig().get("claim.name"))
                .containsExactlyInAnyOrder(PlatformClaims.ROLE, PlatformClaims.ORGANISATION_ID,
                        PlatformClaims.PROVIDER_ID, PlatformClaims.CITY_CODE);
        assertThat(console.getProtocolMappers())
                .filteredOn(mapper -> mapper.getProtocolMapper().equals("oidc-audience-mapper"))
                .extracting(mapper -> mapper.getConfig().get("included.custom.audience"))
                .containsExactly(PlatformClaims.AUDIENCE);
        assertThat(realm.getUsers()).filteredOn(user -> !user.isEnabled())
                .extracting(user -> user.getUsername()).as("a disabled user, whom Keycloak refuses")
                .containsExactly("ent-suspended");

        Map<String, String> needs = Map.of("ENTERPRISE", PlatformClaims.ORGANISATION_ID, "EXPERT",
                PlatformClaims.PROVIDER_ID, "CITY_ADMIN", PlatformClaims.CITY_CODE, "PLATFORM_ADMIN",
                PlatformClaims.ROLE);
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
                .contains("username", "email", PlatformClaims.ROLE, PlatformClaims.ORGANISATION_ID,
                        PlatformClaims.PROVIDER_ID, PlatformClaims.CITY_CODE);
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

    @Test
    void prometheus_scrapes_every_built_service_on_the_port_it_publishes() {
        var prometheus = services.get("prometheus");
        assertThat((String) prometheus.get("image")).startsWith("prom/prometheus:");
        assertThat(prometheus).containsKeys("healthcheck", "mem_limit");
        assertThat(strings(prometheus.get("volumes")))
                .contains("./infra/observability/prometheus.yml:/etc/prometheus/prometheus.yml:ro");

        Map<String, Object> config = new Yaml().load(read(OBSERVABILITY.resolve("prometheus.yml")));
        var scrape = maps(config.get("scrape_configs")).stream()
                .filter(job -> "/actuator/prometheus".equals(job.get("metrics_path"))).toList();
        assertThat(scrape).as("one job for the services' actuator endpoints").hasSize(1);
        var targets = maps(scrape.get(0).get("static_configs")).stream()
                .flatMap(group -> strings(group.get("targets")).stream()).toList();
        services.forEach((name, service) -> {
            if (service.containsKey("build")) {
                String port = strings(service.get("ports")).get(0).split(":")[1];
                assertThat(targets).as("Prometheus target of %s", name).contains(name + ":" + port);
            }
        });
        assertThat(strings(prometheus.get("volumes")))
                .contains("./infra/observability/alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat(strings(config.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
        Map<String, Object> alerts = new Yaml().load(read(OBSERVABILITY.resolve("alerts.yml")));
        var rules = maps(alerts.get("groups")).stream().flatMap(group -> maps(group.get("rules")).stream()).toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).containsKeys("alert", "expr", "for",
                "annotations"));
        assertThat(rules.stream().map(rule -> (String) rule.get("expr")).toList()).anySatisfy(expr ->
                assertThat(expr).contains("platform_outbox_oldest_age_seconds")).anySatisfy(expr ->
                assertThat(expr).contains("spring_cloud_stream_binder_kafka_offset"));
        assertThat(environment(services.get("demand-service")))
                .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://jaeger:4318/v1/traces");
        assertThat(services).containsKey("jaeger");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafana_starts_with_the_prometheus_datasource_and_a_dashboard_of_every_promised_figure() {
        var grafana = services.get("grafana");
        assertThat((String) grafana.get("image")).startsWith("grafana/grafana:");
        assertThat(grafana).containsKeys("healthcheck", "mem_limit");
        assertThat(strings(grafana.get("volumes"))).contains(
                "./infra/observability/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./infra/observability/grafana/dashboards:/var/lib/grafana/dashboards:ro");

        Map<String, Object> datasources = new Yaml().load(read(OBSERVABILITY.resolve(
                "grafana/provisioning/datasources/datasources.yml")));
        var uids = maps(datasources.get("datasources")).stream().map(d -> (String) d.get("uid")).toList();
        assertThat(maps(datasources.get("datasources"))).anySatisfy(d -> assertThat(d)
                .containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090"));
        Map<String, Object> providers = new Yaml().load(read(OBSERVABILITY.resolve(
                "grafana/provisioning/dashboards/dashboards.yml")));
        assertThat(maps(providers.get("providers"))).singleElement().satisfies(provider -> assertThat(
                (Map<String, Object>) provider.get("options")).containsEntry("path", "/var/lib/grafana/dashboards"));

        // JSON is YAML, so the dashboard parses with the same reader.
        Map<String, Object> dashboard = new Yaml().load(read(OBSERVABILITY.resolve(
                "grafana/dashboards/innovation-china.json")));
        var panels = maps(dashboard.get("panels")).stream().filter(p -> !"row".equals(p.get("type"))).toList();
        var expressions = panels.stream().flatMap(p -> maps(p.get("targets")).stream())
                .map(t -> (String) t.get("expr")).toList();
        assertThat(String.join("\n", expressions)).contains("http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket", "platform_outbox_pending", "platform_outbox_oldest_age_seconds",
                "spring_cloud_stream_binder_kafka_offset", "matching_ranking_seconds_bucket",
                "notification_deliveries_total", "jvm_memory_used_bytes");
        assertThat(panels).allSatisfy(panel -> assertThat(uids)
                .contains((String) ((Map<String, Object>) panel.get("datasource")).get("uid")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
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
