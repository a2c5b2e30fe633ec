package cn.innovationchina.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.DeclineReason;
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
        assertThat(provider.reader.entriesWith("PROVIDER_INVITED")).hasSize(1);
    }

    @Test
    void an_invited_provider_reads_the_demand_by_its_title_and_why_it_was_picked_in_chinese() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        var provider = expert("p-" + UUID.randomUUID());
        Events.publish(Events.published(demand, enterprise.id, "氢燃料电池电堆寿命提升", LocalDate.now().plusMonths(6),
                Instant.now()));
        enterprise.reader.awaitEntry("DEMAND_PUBLISHED");

        Events.publish(Events.invited(demand, provider.id, enterprise.id));

        assertThat(provider.reader.awaitEntry("PROVIDER_INVITED").get("body")).isEqualTo(
                "一家企业邀请您对接需求“氢燃料电池电堆寿命提升”。推荐理由：共同关键词 燃料、电池、fuel、cell；同属氢能领域；同城；尚可承接 2 项。");
    }

    @Test
    void an_enterprise_reads_who_declined_by_name_and_why_in_english() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        var provider = expert("p-" + UUID.randomUUID());
        assertThat(enterprise.reader.choosesLanguage("EN")).isEqualTo(HttpStatus.OK);
        Events.publish(Events.registered(provider.id, "王教授"));
        Events.publish(Events.verified(provider.id));
        Events.publish(Events.published(demand, enterprise.id, "Fuel-cell stack lifetime", LocalDate.now()
                .plusMonths(6), Instant.now()));
        // Same keys, same partitions: once these are in, the name and the title before them are known.
        provider.reader.awaitEntry("PROVIDER_VERIFIED");
        enterprise.reader.awaitEntry("DEMAND_PUBLISHED");

        Events.publish(Events.declined(demand, provider.id, enterprise.id, DeclineReason.TIMELINE, "满负荷到三月"));

        assertThat(enterprise.reader.awaitEntry("INVITATION_DECLINED").get("body")).isEqualTo(
                "Your invitation to the demand \"Fuel-cell stack lifetime\" was declined by 王教授. "
                        + "Reason: the timeline does not fit (\"满负荷到三月\").");
    }

    @Test
    void a_demand_submitted_for_review_is_named_when_the_city_rejects_it() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        Events.publish(Events.submitted(demand, enterprise.id, "氢燃料电池电堆寿命提升", true, 2));

        Events.publish(Events.rejected(demand, enterprise.id, "请补充技术指标", 3));

        assertThat(enterprise.reader.awaitEntry("DEMAND_REJECTED").get("body"))
                .isEqualTo("您的需求“氢燃料电池电堆寿命提升”未通过审核，原因：请补充技术指标");
    }

    @Test
    void a_proposal_names_the_demand_by_the_title_it_carries_though_no_demand_event_named_it_here() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());

        Events.publish(Events.proposedNaming(demand, "氢燃料电池电堆寿命提升", enterprise.id,
                Map.of("p-" + UUID.randomUUID(), "王教授")));

        assertThat(enterprise.reader.awaitEntry("MATCHES_PROPOSED").get("body").toString())
                .startsWith("平台为您的需求“氢燃料电池电堆寿命提升”推荐了 1 个服务方");
    }

    @Test
    void a_provider_known_only_from_a_proposal_is_named_by_the_name_the_proposal_gave() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        String first = "p-" + UUID.randomUUID();
        String second = "p-" + UUID.randomUUID();
        Events.publish(Events.proposedNaming(demand, enterprise.id, Map.of(first, "李研究员", second, "赵教授")));
        enterprise.reader.awaitEntry("MATCHES_PROPOSED");

        Events.publish(Events.declined(demand, second, enterprise.id, DeclineReason.TIMELINE, "满负荷到三月"));

        assertThat(enterprise.reader.awaitEntry("INVITATION_DECLINED").get("body").toString()).contains("赵教授");
    }

    @Test
    void a_revised_title_is_what_later_notifications_say_even_if_an_older_event_comes_late() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        Events.publish(Events.published(demand, enterprise.id, "电堆寿命", LocalDate.now().plusMonths(6),
                Instant.now()));
        Events.publish(Events.revised(demand, enterprise.id, "氢燃料电池电堆寿命提升", 2));
        Events.publish(Events.published(demand, enterprise.id, "电堆寿命", LocalDate.now().plusMonths(6),
                Instant.now()));

        Events.publish(Events.rejected(demand, enterprise.id, "请补充技术指标", 3));

        assertThat(enterprise.reader.awaitEntry("DEMAND_REJECTED").get("body"))
                .isEqualTo("您的需求“氢燃料电池电堆寿命提升”未通过审核，原因：请补充技术指标");
    }

    @Test
    void an_entry_names_the_demand_it_is_about_so_the_reader_can_open_it_while_its_text_uses_the_title() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());

        Events.publish(Events.proposed(demand, enterprise.id, "王教授", "华中科技大学"));

        var entry = enterprise.reader.awaitEntry("MATCHES_PROPOSED");
        assertThat(entry.get("demandId")).isEqualTo(demand);
        assertThat(entry.get("body").toString()).doesNotContain(demand);
    }

    @Test
    void a_provider_hears_of_its_own_profile_in_an_entry_about_no_demand() {
        var provider = expert("p-" + UUID.randomUUID());

        Events.publish(Events.verified(provider.id));

        assertThat(provider.reader.awaitEntry("PROVIDER_VERIFIED").get("demandId")).isNull();
    }

    @Test
    void proposed_matches_tell_the_enterprise_how_many_and_the_best_one_in_chinese_by_default() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());

        Events.publish(Events.proposed(demand, enterprise.id, "王教授", "华中科技大学"));

        var entry = enterprise.reader.awaitEntry("MATCHES_PROPOSED");
        assertThat(entry.get("title")).isEqualTo("为您找到 2 个匹配");
        assertThat(entry.get("body").toString()).contains("最匹配的是王教授").doesNotContain(demand);
        assertThat(entry.get("read")).isEqualTo(false);
    }

    @Test
    void an_enterprise_that_chose_english_reads_its_notifications_in_english() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        assertThat(enterprise.reader.choosesLanguage("EN")).isEqualTo(HttpStatus.OK);

        Events.publish(Events.rejected(demand, enterprise.id, "budget missing"));

        var entry = enterprise.reader.awaitEntry("DEMAND_REJECTED");
        assertThat(entry.get("title")).isEqualTo("Demand not approved");
        assertThat(entry.get("body").toString()).contains("Reason: budget missing");
    }

    @Test
    void a_demand_nobody_qualifies_for_is_told_to_the_admin_of_its_city_with_the_reason_in_chinese() {
        String demand = "d-" + UUID.randomUUID();
        String title = "储能电池簇热失控预警 " + demand.substring(2, 10);
        String city = "C" + UUID.randomUUID().toString().substring(0, 8);
        var enterprise = enterprise("e-" + UUID.randomUUID());
        var admin = new Reader(http, TOKENS.cityAdmin(city));
        Events.publish(Events.published(demand, enterprise.id, title, LocalDate.now().plusMonths(6), Instant.now()));
        enterprise.reader.awaitEntry("DEMAND_PUBLISHED");

        Events.publish(Events.unmatched(demand, enterprise.id, city, "No candidate qualified: 2 no free capacity"));

        assertThat(admin.awaitEntry("NO_QUALIFIED_MATCH").get("body")).isEqualTo("本市的需求“" + title
                + "”暂时没有合格的服务方：有候选方，但均不符合条件（2 个没有空余承接能力）。");
        assertThat(new Reader(http, TOKENS.cityAdmin(Events.CITY)).entriesWith(title)).isEmpty();
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
        var entry = owner.reader.awaitEntry("DEMAND_REJECTED");

        assertThat(other.reader.marksRead(entry.get("id"))).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(other.reader.inbox()).isEmpty();
        assertThat(owner.reader.unread()).isEqualTo(1);
    }

    @Test
    void marking_one_read_then_all_read_brings_the_unread_count_to_zero() {
        String demand = "d-" + UUID.randomUUID();
        var enterprise = enterprise("e-" + UUID.randomUUID());
        Events.publish(Events.rejected(demand + "-a", enterprise.id, "unclear"));
        Events.publish(Events.rejected(demand + "-b", enterprise.id, "too vague"));
        Events.publish(Events.proposed(demand + "-c", enterprise.id, "王教授"));
        var first = enterprise.reader.awaitEntry("unclear");
        enterprise.reader.awaitEntry("MATCHES_PROPOSED");
        enterprise.reader.awaitEntry("too vague");

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
        provider.reader.awaitEntry("PROVIDER_INVITED");
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
