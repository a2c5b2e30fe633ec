package cn.innovationchina.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.innovationchina.e2e.Console.Language;

/**
 * A pilot city the platform administrator adds in the console works at once, without a restart: an enterprise of
 * the new city registers and submits a demand, the demand waits for the new city's administrator, who signs in
 * (the development login lists the administrators the city names) and approves it in the console, and the ranking of
 * cities lists the city.
 */
@Order(3)
class NewPilotCityTest {

    private static final String CITY = "CHANGSHA";
    private static final String CITY_ADMIN = "changsha-admin";

    private final Platform platform = Platform.get();

    @Test
    void a_pilot_city_designated_in_the_console_reviews_its_first_demand_at_once() {
        // When the platform administrator designates Changsha, in Hunan, as a pilot city that reviews demands
        try (var admin = Console.signIn(platform, Language.EN, DemoWorld.PLATFORM_ADMIN)) {
            admin.click("nav-pilot-cities");
            Supplier<WebElement> form = () -> admin.see("pilot-city-form");
            admin.type(form, "input-code", CITY);
            admin.type(form, "input-batch", "2");
            admin.type(form, "input-nameZh", "长沙");
            admin.type(form, "input-nameEn", "Changsha");
            new Select(admin.see(form, "division-province")).selectByValue("430000");
            admin.until("the province's cities listed", () -> new Select(admin.see(form, "division-city"))
                    .getOptions().size() > 1 ? true : null);
            new Select(admin.see(form, "division-city")).selectByValue("430100");
            admin.type(form, "input-administrators", CITY_ADMIN);
            admin.click(form, "designate-pilot-city");
            assertThat(Console.text(admin.see("pilot-city-" + CITY))).contains("长沙", "Changsha", "430100");
        }

        // And an enterprise of Changsha registers and submits a demand
        var enterprise = User.withToken(platform, platform.tokens().enterprise("ORG-CS-001", CITY));
        enterprise.post("/api/demand/enterprises", Map.of("name", "长沙智能装备有限公司", "creditCode",
                "91430100MA4L0CT01W", "cityCode", CITY, "industry", "construction machinery", "size", "MEDIUM"), null)
                .expect(201);
        var draft = enterprise.post("/api/demand/demands", """
                {"title": "混凝土泵车臂架振动抑制", "background": "泵车臂架在高空作业时末端振幅过大。",
                 "keyProblems": ["臂架末端振动主动抑制"], "targetOutcomes": "末端振幅降低50%",
                 "fieldCodes": ["EQUIPMENT.INTELLIGENT_ELECTROMECHANICAL"], "keywords": ["振动抑制", "boom vibration"],
                 "cooperationModes": ["JOINT_RND"], "budget": {"minCny": 300000, "maxCny": 1000000},
                 "deadline": "DEADLINE", "visibility": "PUBLIC",
                 "contact": {"name": "周工", "phone": "+86 731 000 0000"}}"""
                .replace("DEADLINE", DemoWorld.today().plusMonths(6).toString()), null).expect(201);
        String demandId = draft.body().get("id").asString();
        var submitted = enterprise.post("/api/demand/demands/" + demandId + "/submit", null, draft.etag()).expect(200);
        assertThat(submitted.body().get("status").asString()).as("waits for the new city's review")
                .isEqualTo("SUBMITTED");

        // Then the new city's administrator signs in, finds it in review and approves it
        try (var cityAdmin = Console.signIn(platform, Language.ZH, CITY_ADMIN)) {
            cityAdmin.click("nav-review");
            Supplier<WebElement> queued = () -> cityAdmin.see("review-" + demandId);
            assertThat(Console.text(queued.get())).contains("混凝土泵车臂架振动抑制");
            cityAdmin.click(queued, "approve");
            cityAdmin.until("the demand left the review queue",
                    () -> cityAdmin.find("review-" + demandId).isEmpty() ? true : null);
        }
        assertThat(enterprise.get("/api/demand/demands/" + demandId).expect(200).body().get("status").asString())
                .isEqualTo("PUBLISHED");

        // And the ranking of cities lists the new city
        var platformAdmin = User.login(platform, DemoWorld.PLATFORM_ADMIN);
        String today = DemoWorld.today().toString();
        Awaitility.await("the new city in the ranking of cities").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> platformAdmin.get("/api/monitoring/cities/ranking?from=" + today + "&to=" + today)
                        .expect(200).body().toString(), ranking -> ranking.contains("\"" + CITY + "\""));
    }
}
