package cn.innovationchina.expert.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * Not part of the build's tests (the name matches no test pattern): run it with
 * {@code ./mvnw -pl services/expert-service test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It imports 10,000 JSON-lines rows with Chinese text into the running service (real embedded Kafka broker, Mongo
 * wire server) and prints how long the import took, then how long until every ProviderRegistered was on Kafka.
 * The service's own import limit applies (the test configuration lowers it for the other scenarios).
 * The generated file is kept as {@code target/import-benchmark-10000.jsonl} for a run against the devstack.
 */
@ServiceTest
@TestPropertySource(properties = "expert.import.max-size=32MB")
class ImportBenchmark {

    private static final int ROWS = 10_000;
    private static final String[] FIELDS = {"ENERGY.HYDROGEN", "IT.AI", "IT.COMMUNICATIONS", "LIFE.PHARMA",
            "MATERIALS.MICRO_NANO", "EQUIPMENT.RAIL_TRANSIT"};
    private static final String[] CITIES = {"WUHAN", "XIANNING", "CHENGDU", "SHENZHEN", "BEIJING"};

    @Autowired
    WebTestClient http;

    @Test
    void import_ten_thousand_rows() throws IOException {
        String run = "BENCH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String file = rows(run);
        Path copy = Path.of("target", "import-benchmark-10000.jsonl");
        Files.writeString(copy, file, StandardCharsets.UTF_8);

        try (EventProbe events = EventProbe.watching(Topics.PROVIDER_EVENTS)) {
            long start = System.nanoTime();
            http.mutate().responseTimeout(Duration.ofMinutes(5)).build()
                    .post().uri("/providers/imports").headers(h -> h.setBearerAuth(Tokens.forTests().platformAdmin()))
                    .contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .bodyValue(file.getBytes(StandardCharsets.UTF_8)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.registered").isEqualTo(ROWS);
            double imported = seconds(start);
            System.out.printf("%nIMPORT BENCHMARK: %,d rows (%,d KB) imported in %.1f s (%.0f rows/s)%n", ROWS,
                    file.getBytes(StandardCharsets.UTF_8).length / 1024, imported, ROWS / imported);

            String prefix = "PLATFORM-" + run;
            Awaitility.await("every ProviderRegistered published").atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> events.records(Topics.PROVIDER_EVENTS).stream()
                            .filter(r -> r.key().startsWith(prefix)).count() >= ROWS);
            double published = seconds(start);
            System.out.printf("IMPORT BENCHMARK: all %,d ProviderRegistered events on Kafka %.1f s after the start"
                    + " (relay: %.0f events/s)%n%n", ROWS, published, ROWS / published);
            assertThat(events.records(Topics.PROVIDER_EVENTS).stream().filter(r -> r.key().startsWith(prefix)))
                    .hasSize(ROWS);
        }
    }

    private static String rows(String run) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            file.append("{\"externalId\":\"").append(run).append('-').append(i)
                    .append("\",\"name\":\"专家").append(i).append("\",\"kind\":\"EXPERT\",")
                    .append("\"affiliation\":\"华中科技大学\",\"title\":\"研究员\",")
                    .append("\"fieldCodes\":[\"").append(FIELDS[i % FIELDS.length]).append("\"],")
                    .append("\"skills\":[\"燃料电池\",\"机器视觉\",\"光通信\"],\"keywords\":[\"pilot-scale\"],")
                    .append("\"summary\":\"长期从事相关方向的研究与工程化，可为企业提供技术咨询、联合研发与中试验证服务，")
                    .append("已与多家链主企业合作完成成果转化。\",")
                    .append("\"achievements\":[{\"kind\":\"PATENT\",\"title\":\"一种装置\",\"reference\":\"CN1")
                    .append(String.format("%08d", i)).append("A\",\"year\":2022}],")
                    .append("\"services\":[\"JOINT_RND\",\"TECHNICAL_CONSULTING\"],")
                    .append("\"cityCode\":\"").append(CITIES[i % CITIES.length]).append("\",")
                    .append("\"languages\":[\"zh\"],\"capacity\":3,\"email\":\"expert").append(i)
                    .append("@example.cn\"}\n");
        }
        return file.toString();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
