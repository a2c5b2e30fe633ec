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
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the compose file is checked for what makes it work: real infrastructure with
 * health checks, and every service module present, built, health-checked and started after its dependencies.
 */
class ComposeFileTest {

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
