package cn.innovationchina.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The whole loop through the gateway, over the real broker and the Mongo wire server, every service in its own
 * process: an enterprise posts a demand, the city administrator approves it, matching proposes the expert with an
 * explanation, the enterprise invites, the expert hears of it in the inbox and live, accepts, the enterprise sees
 * the expert's contact data, a contract is recorded, and the city's dashboard counts it. The first journey of the
 * test JVM (junit-platform.properties orders by {@link Order}): the contact is hidden only until a first acceptance.
 */
@Order(1)
class MatchmakingJourneyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Platform platform = Platform.get();
    private final User enterprise = User.login(platform, DemoWorld.ENTERPRISE);
    private final User expert = User.login(platform, DemoWorld.EXPERT);
    private final User cityAdmin = User.login(platform, DemoWorld.CITY_ADMIN);

    @Test
    void a_demand_becomes_a_contract_the_city_dashboard_counts() {
        // Given the expert's profile and the enterprise's registration
        DemoWorld.expertProfileAndEnterpriseRegistration(expert, enterprise);

        // When the enterprise drafts and submits a demand, and the Xianning administrator approves it
        var draft = enterprise.post("/api/demand/demands", """
                {"title": "氢燃料电池电堆寿命提升 Fuel-cell stack lifetime",
                 "background": "Our 80 kW stacks lose 20% power within 5,000 hours on city buses.",
                 "keyProblems": ["membrane degradation under load cycling", "catalyst loss"],
                 "targetOutcomes": "15,000 hours at under 10% power loss",
                 "fieldCodes": ["ENERGY.HYDROGEN"], "keywords": ["fuel cell", "PEM"],
                 "cooperationModes": ["JOINT_RND", "TECHNICAL_CONSULTING"],
                 "budget": {"minCny": 500000, "maxCny": 2000000}, "deadline": "DEADLINE",
                 "visibility": "PUBLIC", "cityCode": "XIANNING",
                 "contact": {"name": "Li Wei", "phone": "+86 715 000 0000", "email": "li.wei@example.cn"}}"""
                .replace("DEADLINE", DemoWorld.today().plusMonths(6).toString()), null).expect(201);
        String demandId = draft.body().get("id").asString();
        var submitted = enterprise.post("/api/demand/demands/" + demandId + "/submit", null, draft.etag()).expect(200);
        cityAdmin.post("/api/demand/demands/" + demandId + "/approve", null, submitted.etag()).expect(200);

        // Then matching proposes the expert, with an explanation a person can read
        var list = await("matches proposed", () -> enterprise.get("/api/matching/demands/" + demandId + "/matches"),
                answer -> answer.status() == 200 && answer.body().get("matches").size() > 0);
        JsonNode match = list.body().get("matches").get(0);
        assertThat(match.get("providerId").asString()).isEqualTo(DemoWorld.EXPERT_PROVIDER_ID);
        assertThat(match.get("explanation").get("matchedFieldCodes").toString()).contains("ENERGY.HYDROGEN");
        assertThat(match.get("explanation").get("summary").asString()).isNotBlank();
        String matchPath = "/api/matching/demands/" + demandId + "/matches/" + match.get("matchId").asString();

        // When the enterprise invites the expert, who has the console open
        try (var live = expert.openStream("/api/notification/notifications/stream")) {
            Awaitility.await("the live stream open").atMost(PATIENCE).until(live::opened);
            enterprise.post(matchPath + "/invite", Map.of("message", "Can you help with our stack durability?"),
                    list.etag()).expect(200);

            // Then the expert gets an inbox entry, and the same entry live
            var inbox = await("an invitation in the expert's inbox", () -> expert.get("/api/notification/notifications"),
                    answer -> entries(answer).anyMatch(e -> e.get("type").asString().equals("PROVIDER_INVITED")));
            String entryId = entries(inbox).filter(e -> e.get("type").asString().equals("PROVIDER_INVITED"))
                    .findFirst().orElseThrow().get("id").asString();
            Awaitility.await("the invitation on the live stream").atMost(PATIENCE)
                    .until(() -> live.sent(entryId));
        }

        // When the expert accepts, the enterprise sees the expert's contact data
        assertThat(enterprise.get("/api/expert/providers/" + DemoWorld.EXPERT_PROVIDER_ID).expect(200).body().has("contact")).isFalse();
        var invitations = expert.get("/api/matching/invitations").expect(200);
        var accepted = expert.post(matchPath + "/accept", null,
                "\"" + invitations.body().get("items").get(0).get("version").asLong() + "\"").expect(200);
        var released = await("the contact released", () -> enterprise.get("/api/expert/providers/" + DemoWorld.EXPERT_PROVIDER_ID),
                answer -> answer.body().has("contact"));
        assertThat(released.body().get("contact").get("email").asString()).isEqualTo(DemoWorld.EXPERT_EMAIL);

        // And a docking and a contract are recorded
        var docking = expert.post(matchPath + "/docking", Map.of("startedOn", DemoWorld.today().toString()),
                accepted.etag()).expect(200);
        enterprise.post(matchPath + "/contract", Map.of("contractId", "C-E2E-001", "valueCny", 800000,
                "mode", "JOINT_RND", "signedOn", DemoWorld.today().toString()), docking.etag()).expect(200);

        // Then the Xianning dashboard counts the contract and its value
        String report = "/api/monitoring/cities/XIANNING/report?from=" + DemoWorld.today().minusDays(7) + "&to=" + DemoWorld.today();
        var figures = await("the contract on the city dashboard", () -> cityAdmin.get(report),
                answer -> answer.status() == 200 && answer.body().get("total").get("contractsSigned").asLong() == 1);
        assertThat(figures.body().get("total").get("contractValueTotalCny").asLong()).isEqualTo(800000);
        assertThat(figures.body().get("total").get("dockings").asLong()).isEqualTo(1);
    }


    private static Stream<JsonNode> entries(User.Answer inbox) {
        JsonNode items = inbox.body().has("items") ? inbox.body().get("items") : inbox.body();
        return StreamSupport.stream(items.spliterator(), false);
    }

    private static User.Answer await(String what, Callable<User.Answer> call,
            Predicate<User.Answer> reached) {
        return Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(call, reached::test);
    }
}
