package cn.innovationchina.e2e;

import static cn.innovationchina.e2e.Console.test;
import static cn.innovationchina.e2e.Console.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.innovationchina.e2e.Console.Language;

/**
 * The journey of {@link MatchmakingJourneyTest}, clicked through the web console in headless Chromium, once in
 * Chinese and once in English: the enterprise posts a demand with the field picker, the Xianning administrator
 * approves it, the enterprise sees the explained matches and invites the expert, who hears of it live while the
 * inbox is open and accepts; the enterprise sees the contact data, records docking and a contract, and the city
 * dashboard counts it. Any error in a browser's console fails the journey. The key screens are saved as
 * screenshots ({@link Console#screenshot}), the README's among them.
 *
 * <p>Runs after the API journey ({@link ClassOrderer.OrderAnnotation}): that one checks the contact is hidden
 * before the first acceptance, which only holds for the first journey between these two parties.
 */
@Order(2)
class ConsoleJourneyInChromiumTest {

    private static final String HYDROGEN = "ENERGY.HYDROGEN";
    private static final long CONTRACT_VALUE = 800_000;

    private final Platform platform = Platform.get();
    private final User cityAdminApi = User.login(platform, DemoWorld.CITY_ADMIN);

    @ParameterizedTest(name = "in {0}")
    @EnumSource(Language.class)
    void a_demand_clicked_through_the_console_becomes_a_contract_on_the_city_dashboard(Language language) {
        // Given the expert's profile, the enterprise's registration and the city's contracts so far
        DemoWorld.expertProfileAndEnterpriseRegistration(User.login(platform, DemoWorld.EXPERT),
                User.login(platform, DemoWorld.ENTERPRISE));
        var before = contractsOnTheCityReport();
        String message = language.pick("您好，能否帮我们提升电堆寿命？", "Can you help with our stack durability?");

        // When the enterprise posts a demand, picking its field by name, and submits it
        String demandId;
        try (var enterprise = Console.signIn(platform, language, DemoWorld.ENTERPRISE)) {
            demandId = postDemandWithTheFieldPicker(enterprise);
        }

        // And the Xianning administrator reviews and approves it
        try (var admin = Console.signIn(platform, language, DemoWorld.CITY_ADMIN)) {
            admin.click("nav-review");
            Supplier<WebElement> queued = () -> admin.see("review-" + demandId);
            assertThat(text(queued.get())).contains("Fuel-cell stack lifetime");
            admin.click(queued, "approve");
            admin.until("the demand left the review queue",
                    () -> admin.find("review-" + demandId).isEmpty() ? true : null);
        }

        try (var enterprise = Console.signIn(platform, language, DemoWorld.ENTERPRISE);
                var expert = Console.signIn(platform, language, DemoWorld.EXPERT)) {
            // Then the enterprise sees the expert ranked for its published demand, with the reasons
            enterprise.click("nav-demands");
            Supplier<WebElement> row = () -> enterprise.see("demand-row-" + demandId);
            assertThat(row.get().getDomAttribute("data-status")).isEqualTo("PUBLISHED");
            enterprise.click(row, "open-demand");
            String matchId = rankedMatch(enterprise);
            Supplier<WebElement> card = () -> enterprise.see("match-" + matchId);
            String why = text(enterprise.see(card, "explanation"));
            assertThat(why).contains(language.pick("氢能", "Hydrogen energy"));
            assertThat(why).contains(language.pick("推荐理由", "Why"));
            enterprise.screenshot("enterprise-matches");

            // When the expert has the inbox open, and the enterprise invites the expert with a message
            expert.click("nav-inbox");
            expert.until("the inbox live", () -> text(expert.see("live-status"))
                    .equals(language.pick("实时", "Live")) ? true : null);
            Set<String> earlier = invitationEntries(expert);
            long unreadBefore = unread(expert);
            enterprise.click(card, "invite");
            enterprise.type(card, "input-message", message);
            enterprise.click(card, "invite-send");

            // Then the invitation arrives while the page is open: a toast, a new inbox entry and the unread badge
            expert.until("a toast of the new notification", () -> expert.find("toast")
                    .filter(toast -> text(toast).startsWith(language.pick("新消息", "New notification")))
                    .orElse(null));
            expert.until("the invitation in the inbox", () -> invitationEntries(expert).size() > earlier.size()
                    ? true : null);
            expert.until("the unread badge counting it", () -> unread(expert) > unreadBefore ? true : null);
            expert.screenshot("expert-inbox");
            enterprise.until("the match invited", () -> status(enterprise, matchId).equals("INVITED") ? true : null);

            // When the expert opens the invitation, sees why it was picked and the message, and accepts
            expert.click("nav-invitations");
            Supplier<WebElement> invitation = () -> expert.see("match-" + matchId);
            assertThat(text(expert.see(invitation, "explanation"))).contains(language.pick("氢能", "Hydrogen energy"));
            assertThat(text(expert.see(invitation, "invitation-message"))).isEqualTo(message);
            assertThat(text(expert.see(invitation, "invitation-demand"))).contains("Fuel-cell stack lifetime");
            expert.screenshot("expert-invitation");
            expert.click(invitation, "accept");
            expert.until("the invitation accepted", () -> status(expert, matchId).equals("ACCEPTED") ? true : null);

            // Then the enterprise sees the acceptance and the expert's contact data
            enterprise.click("reload-matches");
            enterprise.until("the match accepted", () -> status(enterprise, matchId).equals("ACCEPTED") ? true : null);
            enterprise.see("accepted-summary");
            assertThat(contactData(enterprise, card)).contains(DemoWorld.EXPERT_EMAIL);
            enterprise.screenshot("enterprise-contact");

            // When the enterprise records the docking and the contract
            enterprise.click(card, "docking");
            enterprise.click(card, "docking-send");
            enterprise.until("the docking recorded", () -> status(enterprise, matchId).equals("DOCKING") ? true : null);
            enterprise.click(card, "contract");
            enterprise.type(card, "input-contractId", "C-" + language + "-" + demandId);
            enterprise.type(card, "input-valueCny", String.valueOf(CONTRACT_VALUE));
            enterprise.click(card, "contract-send");
            enterprise.until("the contract recorded",
                    () -> status(enterprise, matchId).equals("CONTRACTED") ? true : null);
        }

        // Then the Xianning dashboard counts the contract and its value
        try (var admin = Console.signIn(platform, language, DemoWorld.CITY_ADMIN)) {
            admin.click("nav-dashboard");
            admin.until("the contract on the dashboard",
                    () -> figure(admin, "kpi-contractsSigned") == before.contracts() + 1 ? true : null);
            assertThat(figure(admin, "kpi-contractValueTotalCny")).isEqualTo(before.value() + CONTRACT_VALUE);
            admin.see("funnel");
            admin.screenshot("city-dashboard");
        }
    }

    /** Fills the demand form (the field found by its name in the console's language), saves and submits it. */
    static String postDemandWithTheFieldPicker(Console enterprise) {
        enterprise.click("nav-demands-new");
        enterprise.see("demand-form");
        enterprise.type("input-title", "氢燃料电池电堆寿命提升 Fuel-cell stack lifetime");
        enterprise.type("input-background", "Our 80 kW stacks lose 20% power within 5,000 hours on city buses. "
                + "城市公交的 80 kW 电堆 5000 小时内功率下降 20%。");
        enterprise.type("input-keyProblems", "membrane degradation under load cycling\ncatalyst loss");
        enterprise.type("input-targetOutcomes", "15,000 hours at under 10% power loss");
        enterprise.type("field-search", enterprise.language.pick("氢能", "Hydrogen energy"));
        enterprise.click("field-option-" + HYDROGEN);
        enterprise.see("field-chip-" + HYDROGEN);
        enterprise.type("input-keywords", "fuel cell, PEM");
        enterprise.click("mode-JOINT_RND");
        enterprise.click("mode-TECHNICAL_CONSULTING");
        enterprise.type("input-budget.minCny", "500000");
        enterprise.type("input-budget.maxCny", "2000000");
        enterprise.type("input-contact.name", "Li Wei");
        enterprise.type("input-contact.phone", "+86 715 000 0000");
        enterprise.type("input-contact.email", "li.wei@example.cn");
        enterprise.screenshot("enterprise-demand-form");
        enterprise.click("submit-demand");
        String route = enterprise.until("the submitted demand shown", () -> enterprise.find("demand-details")
                .map(details -> enterprise.route()).orElse(null));
        assertThat(route).startsWith("/demands/");
        return route.substring("/demands/".length());
    }

    /** Waits for matching to rank the demand (reloading the matches meanwhile); the expert's match id. */
    private static String rankedMatch(Console enterprise) {
        By expertsMatch = By.cssSelector("[data-provider-id='" + DemoWorld.EXPERT_PROVIDER_ID + "']");
        WebElement card = enterprise.until("the expert proposed", () -> enterprise.find(expertsMatch).orElseGet(() -> {
            enterprise.find("no-matches").ifPresent(none -> enterprise.click("reload-matches"));
            return null;
        }));
        return card.getDomAttribute("data-test").substring("match-".length());
    }

    /** The contact data the enterprise sees; asked again while its release travels from matching to experts. */
    private static String contactData(Console enterprise, Supplier<WebElement> card) {
        return enterprise.until("the contact data released", () -> {
            var data = card.get().findElements(test("provider-contact-data"));
            if (!data.isEmpty()) {
                return text(data.get(0));
            }
            if (card.get().findElements(test("provider-details")).isEmpty()
                    || !card.get().findElements(test("provider-contact-missing")).isEmpty()) {
                enterprise.click(card, "provider-contact");
            }
            return null;
        });
    }

    private static String status(Console console, String matchId) {
        return console.find("match-" + matchId).map(card -> card.getDomAttribute("data-status")).orElse("");
    }

    /** The invitations listed in the open inbox (which is either a list or "empty"). */
    private static Set<String> invitationEntries(Console expert) {
        return expert.until("the inbox shown", () -> expert.find("inbox-list").filter(WebElement::isDisplayed)
                .or(() -> expert.find("empty").filter(WebElement::isDisplayed))
                .map(shown -> shown.findElements(By.cssSelector("[data-type='PROVIDER_INVITED']")).stream()
                        .map(entry -> entry.getDomAttribute("data-test")).collect(Collectors.toSet()))
                .orElse(null));
    }

    private static long unread(Console console) {
        return console.find("unread-count").filter(WebElement::isDisplayed).map(badge -> digits(text(badge)))
                .orElse(0L);
    }

    /** A KPI tile's number, whatever the language writes around it (its label, ¥ or CN¥, separators). */
    private static long figure(Console admin, String tile) {
        return digits(text(admin.see(tile)));
    }

    private static long digits(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private record CityContracts(long contracts, long value) {
    }

    private CityContracts contractsOnTheCityReport() {
        var total = cityAdminApi.get("/api/monitoring/cities/" + DemoWorld.CITY + "/report?from="
                + DemoWorld.today().minusDays(29) + "&to=" + DemoWorld.today()).expect(200).body().get("total");
        return new CityContracts(total.get("contractsSigned").asLong(), total.get("contractValueTotalCny").asLong());
    }
}
