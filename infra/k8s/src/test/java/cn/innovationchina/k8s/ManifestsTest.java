package cn.innovationchina.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import cn.innovationchina.events.Topics;

/**
 * No cluster runs here, so the manifests are checked for what makes them deployable: every service of the build
 * (and the gateway) has a Deployment probed on Spring Boot's probe groups at the port its application.yml serves,
 * with resources, a Service, a disruption budget and, where more than one instance is correct, an autoscaler; the
 * infrastructure is operator-managed; kustomize lists every file; and no real secret is committed.
 */
class ManifestsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path BASE = ROOT.resolve("infra/k8s/base");

    /** Services that arrive after these manifests, with the port they will serve. */
    private static final Map<String, Integer> ARRIVING = Map.of("gateway", 8080);

    private final List<Manifest> manifests = manifests();

    record Manifest(String file, Map<String, Object> body) {
        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return (String) map(body, "metadata").get("name");
        }
    }

    @Test
    void kustomize_lists_every_manifest_file_and_only_existing_ones() throws IOException {
        Map<String, Object> kustomization = yaml(BASE.resolve("kustomization.yaml"));
        var listed = new TreeSet<>(strings(kustomization.get("resources")));
        try (Stream<Path> files = Files.list(BASE)) {
            var present = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            assertThat(listed).isEqualTo(present);
        }
        assertThat(kustomization).containsEntry("namespace", "innovation-china");
    }

    @Test
    void every_document_names_its_api_kind_and_name_once() {
        var seen = new TreeSet<String>();
        for (Manifest manifest : manifests) {
            assertThat(manifest.body()).as(manifest.file()).containsKeys("apiVersion", "kind", "metadata");
            assertThat(manifest.name()).as(manifest.file()).isNotBlank();
            assertThat(seen.add(manifest.kind() + "/" + manifest.name())).as("unique %s/%s", manifest.kind(),
                    manifest.name()).isTrue();
        }
    }

    @Test
    void every_service_has_a_deployment_a_service_and_a_disruption_budget() {
        for (String service : expectedServices()) {
            assertThat(find("Deployment", service)).as("Deployment of %s", service).isPresent();
            assertThat(find("Service", service)).as("Service of %s", service).isPresent();
            assertThat(find("PodDisruptionBudget", service)).as("PodDisruptionBudget of %s", service).isPresent();
        }
        assertThat(all("Deployment").stream().map(Manifest::name)).as("no Deployment without a service module")
                .allSatisfy(name -> assertThat(expectedServices()).contains(name));
    }

    @Test
    void probes_ports_and_scraping_match_the_port_each_service_serves() {
        for (String service : expectedServices()) {
            int port = port(service);
            var container = container(service);
            var ports = maps(container.get("ports"));
            assertThat(ports).as(service).singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("name", "http").containsEntry("containerPort", port));
            assertThat(probe(container, "readinessProbe")).as(service).containsEntry("path", "/actuator/health/readiness")
                    .containsEntry("port", "http");
            assertThat(probe(container, "livenessProbe")).as(service).containsEntry("path", "/actuator/health/liveness")
                    .containsEntry("port", "http");
            assertThat(probe(container, "startupProbe")).as(service).containsEntry("port", "http");

            var servicePorts = maps(map(find("Service", service).orElseThrow().body(), "spec").get("ports"));
            assertThat(servicePorts).as(service).singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("port", port).containsEntry("targetPort", "http"));
            var annotations = map(map(podTemplate(service), "metadata"), "annotations");
            assertThat(annotations).as(service).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
    }

    @Test
    void every_container_requests_and_limits_cpu_and_memory_with_memory_not_overcommitted() {
        for (String service : expectedServices()) {
            var resources = map(container(service), "resources");
            assertThat(map(resources, "requests")).as(service).containsKeys("cpu", "memory");
            assertThat(map(resources, "limits")).as(service).containsKeys("cpu", "memory");
            assertThat(map(resources, "requests").get("memory")).as("%s: a JVM's heap is sized from its limit", service)
                    .isEqualTo(map(resources, "limits").get("memory"));
        }
    }

    @Test
    void every_service_autoscales_from_two_within_the_partitions() {
        int partitions = Integer.parseInt((String) map(find("ConfigMap", "platform-config").orElseThrow().body(),
                "data").get("PLATFORM_KAFKA_PARTITIONS"));
        for (String service : expectedServices()) {
            var spec = map(find("Deployment", service).orElseThrow().body(), "spec");
            var budget = map(find("PodDisruptionBudget", service).orElseThrow().body(), "spec");
            var autoscaler = find("HorizontalPodAutoscaler", service);
            assertThat(spec).as("%s: the autoscaler owns the count", service).doesNotContainKey("replicas");
            var hpa = map(autoscaler.orElseThrow(() -> new AssertionError("no autoscaler for " + service)).body(),
                    "spec");
            assertThat(map(hpa, "scaleTargetRef")).containsEntry("kind", "Deployment").containsEntry("name", service);
            assertThat((Integer) hpa.get("minReplicas")).as(service).isGreaterThanOrEqualTo(2);
            assertThat((Integer) hpa.get("maxReplicas")).as("%s: no more consumers than partitions", service)
                    .isGreaterThan((Integer) hpa.get("minReplicas")).isLessThanOrEqualTo(partitions);
            assertThat(budget).as(service).containsEntry("minAvailable", 1);
        }
    }

    @Test
    void every_container_listens_on_the_pod_network_and_names_the_issuer_its_tokens_must_carry() {
        var config = map(find("ConfigMap", "platform-config").orElseThrow().body(), "data");
        // The platform's defaults are loopback only and the development issuer: neither fits a cluster.
        assertThat(config).containsEntry("SERVER_ADDRESS", "0.0.0.0").containsKey("PLATFORM_SECURITY_ISSUER");
    }

    @Test
    void kafka_is_a_strimzi_cluster_owning_the_platform_topics_as_the_services_expect_them() {
        var kafka = all("Kafka");
        assertThat(kafka).hasSize(1);
        String cluster = kafka.get(0).name();
        var config = map(find("ConfigMap", "platform-config").orElseThrow().body(), "data");
        assertThat(config).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", cluster + "-kafka-bootstrap:9092")
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", cluster + "-kafka-bootstrap:9092");
        int partitions = Integer.parseInt((String) config.get("PLATFORM_KAFKA_PARTITIONS"));
        int replicas = Integer.parseInt((String) config.get("PLATFORM_KAFKA_REPLICATION_FACTOR"));
        for (String topic : List.of(Topics.DEMAND_EVENTS, Topics.PROVIDER_EVENTS, Topics.MATCH_EVENTS,
                Topics.NOTIFICATION_EVENTS)) {
            var resource = find("KafkaTopic", topic).orElseThrow(() -> new AssertionError("no KafkaTopic " + topic));
            assertThat(map(map(resource.body(), "metadata"), "labels")).containsEntry("strimzi.io/cluster", cluster);
            var spec = map(resource.body(), "spec");
            assertThat(spec).as(topic).containsEntry("partitions", partitions).containsEntry("replicas", replicas);
            assertThat(map(spec, "config")).as("%s: acks=all survives one broker down", topic)
                    .containsEntry("min.insync.replicas", replicas - 1);
        }
        assertThat(all("KafkaNodePool")).singleElement().satisfies(pool ->
                assertThat((Integer) map(pool.body(), "spec").get("replicas")).isGreaterThanOrEqualTo(replicas));
    }

    @Test
    void mongodb_is_an_operator_managed_replica_set_with_one_user_per_service_database() {
        var mongo = all("MongoDBCommunity");
        assertThat(mongo).hasSize(1);
        var spec = map(mongo.get(0).body(), "spec");
        assertThat(spec).containsEntry("type", "ReplicaSet");
        assertThat((Integer) spec.get("members")).isGreaterThanOrEqualTo(3);
        var users = maps(spec.get("users"));
        for (String service : expectedServices()) {
            Optional<String> database = database(service);
            if (database.isEmpty()) {
                continue;
            }
            var user = users.stream().filter(u -> service.equals(u.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no MongoDB user for " + service));
            assertThat(maps(user.get("roles"))).as(service).containsExactly(Map.of("name", "readWrite",
                    "db", database.get()));
            String password = (String) map(user, "passwordSecretRef").get("name");
            assertThat(find("Secret", password)).as("password Secret %s", password).isPresent();
            String connection = mongo.get(0).name() + "-" + user.get("db") + "-" + service;
            assertThat(env(service, "SPRING_MONGODB_URI")).as(service)
                    .isEqualTo(Map.of("secretKeyRef", Map.of("name", connection, "key", "connectionString.standard")));
        }
    }

    @Test
    void every_config_and_secret_a_pod_refers_to_is_in_the_manifests() {
        for (String service : expectedServices()) {
            for (var source : maps(container(service).get("envFrom"))) {
                if (source.containsKey("configMapRef")) {
                    String name = (String) map(source, "configMapRef").get("name");
                    assertThat(find("ConfigMap", name)).as("%s ConfigMap %s", service, name).isPresent();
                } else {
                    String name = (String) map(source, "secretRef").get("name");
                    assertThat(find("Secret", name)).as("%s Secret %s", service, name).isPresent();
                }
            }
            for (var volume : maps(map(podTemplate(service), "spec").get("volumes"))) {
                String secret = (String) map(volume, "secret").get("secretName");
                assertThat(find("Secret", secret)).as("%s volume Secret %s", service, secret).isPresent();
            }
        }
    }

    @Test
    void no_secret_value_is_committed_only_placeholders() {
        var secrets = all("Secret");
        assertThat(secrets).isNotEmpty();
        for (Manifest secret : secrets) {
            assertThat(secret.body()).as(secret.name()).doesNotContainKey("data");
            assertThat(map(secret.body(), "stringData").values()).as(secret.name())
                    .allSatisfy(value -> assertThat((String) value).startsWith("REPLACE_ME"));
        }
    }

    private Set<String> expectedServices() {
        var services = new TreeSet<>(ARRIVING.keySet());
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            dirs.filter(dir -> Files.exists(dir.resolve("pom.xml"))).forEach(dir -> services.add(dir.getFileName()
                    .toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    /** The port in the service's application.yml; a service still arriving has the port agreed for it. */
    private static int port(String service) {
        Path config = applicationYml(service);
        if (!Files.exists(config)) {
            return ARRIVING.get(service);
        }
        return (Integer) map(yaml(config), "server").get("port");
    }

    private static Optional<String> database(String service) {
        Path config = applicationYml(service);
        if (!Files.exists(config)) {
            return Optional.empty();
        }
        var spring = map(yaml(config), "spring");
        return spring.containsKey("mongodb") ? Optional.of((String) map(spring, "mongodb").get("database"))
                : Optional.empty();
    }

    private static Path applicationYml(String service) {
        return ROOT.resolve("services").resolve(service).resolve("src/main/resources/application.yml");
    }

    private Map<String, Object> podTemplate(String service) {
        return map(map(find("Deployment", service).orElseThrow().body(), "spec"), "template");
    }

    private Map<String, Object> container(String service) {
        var containers = maps(map(podTemplate(service), "spec").get("containers"));
        assertThat(containers).as(service).hasSize(1);
        assertThat(containers.get(0)).containsEntry("image", "innovationchina/" + service);
        return containers.get(0);
    }

    private Object env(String service, String name) {
        return maps(container(service).get("env")).stream().filter(e -> name.equals(e.get("name"))).findFirst()
                .map(e -> e.get("valueFrom")).orElse(null);
    }

    private static Map<String, Object> probe(Map<String, Object> container, String probe) {
        return map(map(container, probe), "httpGet");
    }

    private Optional<Manifest> find(String kind, String name) {
        return manifests.stream().filter(m -> kind.equals(m.kind()) && name.equals(m.name())).findFirst();
    }

    private List<Manifest> all(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Manifest> manifests() {
        List<Manifest> manifests = new ArrayList<>();
        for (String file : strings(yaml(BASE.resolve("kustomization.yaml")).get("resources"))) {
            for (Object document : new Yaml().loadAll(read(BASE.resolve(file)))) {
                if (document != null) {
                    manifests.add(new Manifest(file, (Map<String, Object>) document));
                }
            }
        }
        return manifests;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("%s in %s", key, parent.keySet()).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }

    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
