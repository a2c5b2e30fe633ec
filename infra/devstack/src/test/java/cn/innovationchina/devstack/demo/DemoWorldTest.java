package cn.innovationchina.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.innovationchina.devstack.LaunchedStack;
import cn.innovationchina.devstack.ports.FreePorts;
import tools.jackson.databind.JsonNode;

/**
 * The whole stack as {@code devstack up} runs it, with a small world (20 providers, the first 5 demands), on
 * free ports and a scratch data folder; everything is checked through the services' APIs, as a user would.
 */
class DemoWorldTest {

    private static final String HYDROGEN = "氢燃料电池电堆寿命提升 Fuel-cell stack lifetime for city buses";
    private static final String REFERENCE_CHIP = "车规级低温漂基准电压芯片 Automotive-grade low-drift voltage reference";

    @TempDir
    Path data;

    @Test
    void the_demo_world_gives_demands_matches_a_contract_and_the_city_dashboard_figures_and_loads_only_once()
            throws Exception {
        // Sixteen ports from the port base for the services, then Kafka, its controller and MongoDB.
        int portBase = FreePorts.run(19);
        try (var stack = LaunchedStack.start(data, Duration.ofMinutes(5), "--port-base", String.valueOf(portBase),
                "--kafka-port", String.valueOf(portBase + 16), "--mongo-port", String.valueOf(portBase + 18),
                "--providers", "20", "--demands", "5")) {
            assertThat(stack.output()).contains("[demo] The demo world was loaded in")
                    .doesNotContain("Loading the demo world failed");
            var platform = new Platform(null, portBase);
            var tokens = new DevTokens(data.resolve("keys/dev-signing.pem"));
            String xianning = tokens.enterprise("ORG-XN-001", "XIANNING");

            // Xianning reviews demands: the hydrogen demand was approved, matched, contracted and is now fulfilled.
            JsonNode hydrogen = demandTitled(platform, xianning, HYDROGEN);
            assertThat(hydrogen.path("status").asString()).isEqualTo("CLOSED");
            JsonNode matches = platform.expectGet("matching", "/demands/" + hydrogen.path("id").asString()
                    + "/matches", xianning).body().path("matches");
            assertThat(matches.size()).as("providers proposed for the hydrogen demand").isPositive();
            JsonNode engaged = statusOf(matches, "CLOSED");
            assertThat(platform.expectGet("expert", "/providers/" + engaged.path("providerId").asString(), xianning)
                    .body().has("contact")).as("the contact data released to the enterprise").isTrue();

            // The development login's expert is the one who worked on it, and still reads it.
            assertThat(engaged.path("providerId").asString()).isEqualTo("PRV-0001");
            String zhangWei = tokens.expert("PRV-0001", "WUHAN");
            // Other demands may invite him too: his invitation to the hydrogen demand is the closed one.
            String hydrogenId = hydrogen.path("id").asString();
            JsonNode invitations = platform.expectGet("matching", "/invitations?size=100", zhangWei).body()
                    .path("items");
            JsonNode worked = null;
            for (JsonNode invitation : invitations) {
                if (invitation.path("demandId").asString().equals(hydrogenId)) {
                    worked = invitation;
                }
            }
            assertThat(worked).as("his invitation to the hydrogen demand").isNotNull();
            assertThat(worked.path("status").asString()).isEqualTo("CLOSED");
            assertThat(platform.expectGet("demand", "/demands/" + hydrogenId, zhangWei).body()
                    .path("status").asString()).isEqualTo("CLOSED");

            // Wuhan publishes at once: its chip demand has a running contract.
            String wuhan = tokens.enterprise("ORG-WH-001", "WUHAN");
            JsonNode chip = demandTitled(platform, wuhan, REFERENCE_CHIP);
            assertThat(statusOf(platform.expectGet("matching", "/demands/" + chip.path("id").asString() + "/matches",
                    wuhan).body().path("matches"), "CONTRACTED")).isNotNull();

            // The city administrator's dashboard counts them.
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            String admin = tokens.cityAdmin("XIANNING");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode total = platform.expectGet("monitoring", "/cities/XIANNING/report?from=" + today + "&to="
                        + today, admin).body().path("total");
                assertThat(total.path("demandsPublished").asLong()).isEqualTo(1);
                assertThat(total.path("invitations").asLong()).isPositive();
                assertThat(total.path("contractsSigned").asLong()).isEqualTo(1);
                assertThat(total.path("contractValueTotalCny").asLong()).isEqualTo(1_200_000);
            });

            // Loading again adds nobody and no demand.
            String again = loadAgain(portBase);
            assertThat(again).contains("20 providers (0 newly registered").contains("0 demands posted, 5 already there");
            assertThat(platform.expectGet("demand", "/demands?page=0&size=100", xianning).body().path("total")
                    .asLong()).isEqualTo(1);

            stack.interrupt();
        }
    }

    private String loadAgain(int portBase) throws Exception {
        var process = new ProcessBuilder(LaunchedStack.javaBinary(), "-cp", System.getProperty("java.class.path"),
                DemoWorld.class.getName(), LaunchedStack.repositoryRoot().toString(), "--data", data.toString(),
                "--port-base", String.valueOf(portBase), "--providers", "20", "--demands", "5")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static JsonNode demandTitled(Platform platform, String token, String title) {
        List<JsonNode> found = new ArrayList<>();
        platform.expectGet("demand", "/demands?page=0&size=100", token).body().path("items").forEach(item -> {
            if (item.path("title").asString().equals(title)) {
                found.add(item);
            }
        });
        assertThat(found).as("demands titled " + title).hasSize(1);
        return found.get(0);
    }

    private static JsonNode statusOf(JsonNode matches, String status) {
        List<JsonNode> found = new ArrayList<>();
        matches.forEach(match -> {
            if (match.path("status").asString().equals(status)) {
                found.add(match);
            }
        });
        assertThat(found).as("matches in " + status).hasSize(1);
        return found.get(0);
    }
}
