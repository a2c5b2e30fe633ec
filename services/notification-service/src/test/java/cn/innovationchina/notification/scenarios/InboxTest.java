package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.EventPublisher;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** The in-app inbox over the real broker and Mongo: who hears what, once, in their language, and only they. */
@ServiceTest
class InboxTest {

    private static final String DEAD_LETTERS = Topics.deadLetters(Topics.MATCH_EVENTS, "notification-service");
    private static final Tokens TOKENS = Tokens.forTests();

    @RegisterExtension
    static final EventProbe deadLetters = EventProbe.watching(DEAD_LETTERS);

    @Autowired
    WebTestClient http;

    @Test
    void an_invitation_delivered_twice_gives_the_provider_one_inbox_entry() {
        String demand = "d-" + UUID.randomUUID();
        var provider = expert("p-" + UUID.randomUUID());
        var invitation = Events.invited(demand, provider.id, "e-1");

        Events.publish(invitation);
        Events.publish(invitation);
        // Same demand, so the same partition: once this one is in, both copies before it were handled.
        Events.publish(Events.shortlisted(demand, provider.id, "e-1"));

        provider.reader.awaitEntry("PROVIDER_SHORTLISTED");
        var invitations = provider.reader.entriesWith("PROVIDER_INVITED");
        assertThat(invitations).hasSize(1);
        assertThat(invitations.get(0).get("body").toString()).contains("same city, hydrogen storage");
    }

    @Test
    void proposed_matches_tell_the_enterprise_how_many_and_the_best_one_in_chinese_by_default() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());

        Events.publish(Events.proposed(demand, enterprise.id, "王教授", "华中科技大学"));

        var entry = enterprise.reader.awaitEntry(demand);
        assertThat(entry.get("title")).isEqualTo("为您找到 2 个匹配");
        assertThat(entry.get("body").toString()).contains("最匹配的是 王教授");
        assertThat(entry.get("read")).isEqualTo(false);
    }

    @Test
    void an_enterprise_that_chose_english_reads_its_notifications_in_english() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        assertThat(enterprise.reader.choosesLanguage("EN")).isEqualTo(HttpStatus.OK);

        Events.publish(Events.rejected(demand, enterprise.id, "budget missing"));

        var entry = enterprise.reader.awaitEntry(demand);
        assertThat(entry.get("title")).isEqualTo("Demand not approved");
        assertThat(entry.get("body").toString()).contains("Reason: budget missing");
    }

    @Test
    void a_demand_nobody_qualifies_for_is_told_to_the_admin_of_its_city() {
        String demand = "d-" + UUID.randomUUID();
        String city = "C" + UUID.randomUUID().toString().substring(0, 8);
        var admin = new Reader(http, TOKENS.cityAdmin(city));

        Events.publish(Events.unmatched(demand, "e-1", city, "no provider with capacity"));

        var entry = admin.awaitEntry(demand);
        assertThat(entry.get("body").toString()).contains("no provider with capacity");
        assertThat(new Reader(http, TOKENS.cityAdmin(Events.CITY)).entriesWith(demand)).isEmpty();
    }

    @Test
    void a_verified_provider_hears_it_from_the_provider_events() {
        var provider = expert("p-" + UUID.randomUUID());

        Events.publish(Events.verified(provider.id));

        assertThat(provider.reader.awaitEntry("PROVIDER_VERIFIED").get("title")).isEqualTo("资料已认证");
    }

    @Test
    void another_enterprise_neither_sees_nor_marks_an_enterprises_notification() {
        String demand = "d-" + UUID.randomUUID();
        var owner = enterprise("e-" + UUID.randomUUID());
        var other = enterprise("e-" + UUID.randomUUID());
        Events.publish(Events.rejected(demand, owner.id, "unclear"));
        var entry = owner.reader.awaitEntry(demand);

        assertThat(other.reader.marksRead(entry.get("id"))).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(other.reader.inbox()).isEmpty();
        assertThat(owner.reader.unread()).isEqualTo(1);
    }

    @Test
    void marking_one_read_then_all_read_brings_the_unread_count_to_zero() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        Events.publish(Events.rejected(demand + "-a", enterprise.id, "unclear"));
        Events.publish(Events.rejected(demand + "-b", enterprise.id, "unclear"));
        Events.publish(Events.proposed(demand + "-c", enterprise.id, "王教授"));
        var first = enterprise.reader.awaitEntry(demand + "-a");
        enterprise.reader.awaitEntry(demand + "-c");
        enterprise.reader.awaitEntry(demand + "-b");

        assertThat(enterprise.reader.marksRead(first.get("id"))).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(enterprise.reader.unread()).isEqualTo(2);
        assertThat(enterprise.reader.marksAllRead()).isEqualTo(HttpStatus.OK);

        assertThat(enterprise.reader.unread()).isZero();
        assertThat(enterprise.reader.inbox()).allSatisfy(e -> assertThat(e.get("read")).isEqualTo(true));
    }

    @Test
    void a_page_larger_than_the_cap_is_refused_with_400() {
        var enterprise = enterprise("e-" + UUID.randomUUID());

        assertThat(enterprise.reader.status("/notifications?size=51")).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_platform_admin_has_no_inbox_and_gets_403() {
        var admin = new Reader(http, TOKENS.platformAdmin());

        assertThat(admin.status("/notifications")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_malformed_match_event_goes_to_the_dead_letters_and_the_next_one_still_flows() {
        String key = "garbage-" + UUID.randomUUID();
        var provider = expert("p-" + UUID.randomUUID());
        EventPublisher.publishRaw(Topics.MATCH_EVENTS, key, "{not an event".getBytes(StandardCharsets.UTF_8));
        String demand = "d-" + UUID.randomUUID();
        Events.publish(Events.invited(demand, provider.id, "e-1"));

        deadLetters.awaitRecord(DEAD_LETTERS, r -> key.equals(r.key()));
        provider.reader.awaitEntry(demand);
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
