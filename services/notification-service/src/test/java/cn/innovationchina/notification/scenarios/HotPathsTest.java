package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.testkit.Eventually;
import cn.innovationchina.testkit.RealInfrastructure;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a demand sets off here costs the same however many notices, deliveries and names the platform holds: its
 * demand and match events, each told in the inbox, by email and to a webhook, and its people reading their inbox and
 * marking an entry read, read no collection whole, so the Mongo stand-in (like MongoDB) serves each of their queries
 * by {@code _id} or by an index it really uses.
 */
@ServiceTest
class HotPathsTest {

    private static final Tokens TOKENS = Tokens.forTests();

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void anSmtpServerListens() {
        MailServer.ensureRunning();
    }

    @Test
    void a_demand_told_from_publication_to_docking_and_read_in_the_inbox_reads_no_collection_whole() {
        var enterprise = enterprise("e-" + UUID.randomUUID());
        var docking = expert("p-" + UUID.randomUUID());
        var declining = expert("p-" + UUID.randomUUID());
        try (var receiver = Receiver.accepting()) {
            enterprise.reader.registersEmail(enterprise.id + "@example.cn");
            enterprise.reader.registersWebhook(receiver.url());
            docking.reader.choosesLanguage("EN");
            // An earlier demand leaves entries, deliveries, names and markers in every collection the next one reads.
            goesThrough(enterprise, docking, declining);
            var scans = RealInfrastructure.get().mongoScans();
            scans.clear();

            String title = goesThrough(enterprise, docking, declining);
            var invitation = docking.reader.awaitEntry(title);
            assertThat(docking.reader.marksRead(invitation.get("id"))).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(docking.reader.unread()).isEqualTo(1);

            assertThat(scans.snapshot()).as("collections read whole on a demand's way through notification")
                    .doesNotContainKeys("notification-service-test.inbox", "notification-service-test.deliveries",
                            "notification-service-test.demandTitles", "notification-service-test.providerNames",
                            "notification-service-test.watchedDemands", "notification-service-test.preferences",
                            "notification-service-test.contacts", "notification-service-test.webhooks",
                            "notification-service-test.processed_events");
        }
    }

    @Test
    void a_demand_told_to_an_enterprise_without_webhooks_reads_and_writes_only_what_its_notices_need() {
        var enterprise = enterprise("e-" + UUID.randomUUID());
        var provider = expert("p-" + UUID.randomUUID());
        Events.publish(Events.registered(provider.id, "王教授"));
        // One provider's events share a partition: once his verification is told, his registration named him.
        Events.publish(Events.verified(provider.id));
        provider.reader.awaitEntry("PROVIDER_VERIFIED");
        String demand = "d-" + UUID.randomUUID();
        String title = "氢燃料电池电堆寿命 " + demand.substring(2, 10);
        Map<String, Double> before = commands();

        // Submitted where no review is required, and published by the same write.
        Events.publish(Events.submitted(demand, enterprise.id, title, false, 1));
        Events.publish(Events.published(demand, enterprise.id, title, LocalDate.now().plusMonths(6), Instant.now()));
        enterprise.reader.awaitEntry(title);
        Events.publish(Events.proposedNaming(demand, title, enterprise.id, Map.of(provider.id, "王教授")));
        enterprise.reader.awaitEntry("MATCHES_PROPOSED");

        Map<String, Double> sent = commands();
        before.forEach((command, count) -> sent.merge(command, -count, Double::sum));
        sent.values().removeIf(count -> count == 0);
        assertThat(sent).as("store commands of the demand's two notices to its enterprise")
                .containsKeys("find preferences", "insert inbox").containsEntry("update demandTitles", 1.0)
                .doesNotContainKeys("find webhooks", "update providerNames", "find demandTitles",
                        "find watchedDemands");
    }

    /** The commands this service's Mongo client sent so far, by command and collection. */
    private Map<String, Double> commands() {
        var sent = new HashMap<String, Double>();
        meters.find("mongodb.driver.commands").timers().forEach(timer -> sent.merge(
                timer.getId().getTag("command") + " " + timer.getId().getTag("collection"), (double) timer.count(),
                Double::sum));
        return sent;
    }

    /**
     * A new demand of the enterprise, published, then proposed with both providers and both invited; one docks, the
     * other declines. Waits until everyone has their entries and the enterprise's emails and webhook calls are done;
     * returns the demand's title.
     */
    private static String goesThrough(User enterprise, User docking, User declining) {
        String demand = "d-" + UUID.randomUUID();
        String title = "氢燃料电池电堆寿命 " + demand.substring(2, 10);
        var published = Events.published(demand, enterprise.id, title, LocalDate.now().plusMonths(6), Instant.now());
        Events.publish(published);
        // Demand and match events come on different topics: the title is known before the matches are told.
        enterprise.reader.awaitEntry(title);

        var proposals = new LinkedHashMap<String, String>();
        proposals.put(docking.id, "王教授");
        proposals.put(declining.id, "李研究员");
        var proposed = Events.proposedNaming(demand, title, enterprise.id, proposals);
        var declined = Events.declined(demand, declining.id, enterprise.id, DeclineReason.TIMELINE,
                "满负荷到三月");
        Events.publish(proposed);
        Events.publish(Events.invited(demand, docking.id, enterprise.id));
        Events.publish(Events.invited(demand, declining.id, enterprise.id));
        Events.publish(Events.dockingStarted(demand, docking.id, enterprise.id));
        Events.publish(declined);

        // One demand's match events share a partition: once the decline, the last, is told, all before it were.
        Eventually.awaitState("the enterprise's three entries about " + title,
                () -> enterprise.reader.entriesWith(title), entries -> entries.size() == 3);
        docking.reader.awaitEntry(title);
        declining.reader.awaitEntry(title);
        var told = Set.of(published.eventId().toString(), proposed.eventId().toString(),
                declined.eventId().toString());
        Eventually.awaitState("the enterprise's emails and webhook calls about " + title,
                enterprise.reader::deliveries, deliveries -> deliveries.stream()
                        .filter(d -> told.contains(d.get("sourceEventId")) && !"PENDING".equals(d.get("state")))
                        .count() == 2 * told.size());
        return title;
    }

    private User enterprise(String enterpriseId) {
        return new User(enterpriseId, new Reader(http, TOKENS.enterprise(enterpriseId, Events.CITY)));
    }

    private User expert(String providerId) {
        return new User(providerId, new Reader(http, TOKENS.expert(providerId, Events.CITY)));
    }

    private record User(String id, Reader reader) {
    }
}
