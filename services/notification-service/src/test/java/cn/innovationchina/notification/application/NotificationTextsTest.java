package cn.innovationchina.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRejected;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.FeedbackGiven;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.MatchShortlisted;
import cn.innovationchina.events.MatchTrigger;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Party;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderVerified;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.notification.domain.Language;
import cn.innovationchina.notification.domain.Names;
import cn.innovationchina.notification.domain.Notice;
import cn.innovationchina.notification.domain.Notices;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.domain.WatchedDemand;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * Every notification the service sends, in every language, made from realistic events the way the service makes
 * them: it names the demand by its title, the provider by its name and the fields by their names, shows no id or
 * code, and reads as one language throughout except for the users' own words. The samples cover every notification
 * type, so a new type (or a new language) without its texts fails here.
 */
class NotificationTextsTest {

    private static final FieldTaxonomy FIELDS = FieldTaxonomy.standard();
    private static final Texts TEXTS = new Texts(FIELDS);

    // The users' own words: a bilingual title as enterprises write them, names in either language, an
    // administrator's reason, a provider's note, and the words a demand and a profile share.
    private static final String TITLE = "氢燃料电池电堆寿命提升 Fuel-cell stack lifetime for city buses";
    private static final String PROVIDER = "王教授";
    private static final String OTHER_PROVIDER = "Prof. Li Wei, Wuhan University of Technology";
    private static final String REJECTION = "需求内容为采购两台反应釜，属于设备采购而非技术需求。";
    private static final String NOTE = "We are fully booked until March";
    private static final List<String> TERMS = List.of("燃料", "电池", "fuel", "cell");
    private static final List<String> USERS_WORDS = Stream.concat(
            Stream.of(TITLE, PROVIDER, OTHER_PROVIDER, REJECTION, NOTE), TERMS.stream()).toList();

    // What must never show: the ids of the sample, whatever looks like an id, a field code or an enum constant.
    private static final String DEMAND = "dmd-505b2c1e-7f4a-4d0e-9a51-2f6c1b9e8d31";
    private static final String PROVIDER_ID = "prv-1f0e5c1a-33b1-4c8e-8d4f-0b6a1f2e9c77";
    private static final String OTHER_PROVIDER_ID = "EXP-0042";
    private static final String ENTERPRISE = "ORG-XN-001";
    private static final String MATCH = "mt-" + UUID.nameUUIDFromBytes("match".getBytes(StandardCharsets.UTF_8));
    private static final String CONTRACT = "C-XN-2026-0012";
    private static final String CITY = "XIANNING";
    private static final List<String> IDS = List.of(DEMAND, PROVIDER_ID, OTHER_PROVIDER_ID, ENTERPRISE, MATCH,
            CONTRACT, CITY, "421200");
    private static final Pattern ID_LIKE = Pattern.compile(
            "\\b(dmd|prv|mt)-|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "|\\b[A-Z][A-Z0-9_]*\\.[A-Z][A-Z0-9_]*\\b|\\b[A-Z]+(_[A-Z]+)+\\b");

    private static final Pattern LATIN_SENTENCE = Pattern.compile("\\p{IsLatin}+(?:[\\s\\p{Punct}]+\\p{IsLatin}+)+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void every_notification_type_has_realistic_samples() {
        Set<NotificationType> sampled = EnumSet.noneOf(NotificationType.class);
        samples(Language.DEFAULT).forEach(notice -> sampled.add(notice.type()));

        assertThat(sampled).containsExactlyInAnyOrder(NotificationType.values());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void no_text_shows_an_id_or_a_code(Language language) {
        for (Rendered text : rendered(language)) {
            assertThat(text.whole()).as(text.describe()).doesNotContainPattern(ID_LIKE);
            IDS.forEach(id -> assertThat(text.whole()).as(text.describe()).doesNotContain(id));
            FIELDS.all().forEach(field -> assertThat(text.whole()).as(text.describe())
                    .doesNotContainPattern("\\b" + Pattern.quote(field.code()) + "\\b"));
        }
    }

    @Test
    void a_chinese_text_holds_no_sentence_of_another_language_beyond_the_users_own_words() {
        for (Rendered text : rendered(Language.ZH)) {
            assertThat(text.templateWords()).as(text.describe()).containsPattern(HAN)
                    .doesNotContainPattern(LATIN_SENTENCE);
        }
    }

    @Test
    void an_english_text_holds_no_chinese_beyond_the_users_own_words() {
        for (Rendered text : rendered(Language.EN)) {
            assertThat(text.templateWords()).as(text.describe()).doesNotContainPattern(HAN);
        }
    }

    @Test
    void both_languages_have_the_same_templates() throws IOException {
        assertThat(templates(Language.EN).stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(templates(Language.ZH).stringPropertyNames());
    }

    @Test
    void an_invited_provider_reads_the_title_and_why_in_chinese() {
        var text = TEXTS.render(invited(LocationRelation.SAME_CITY, List.of("ENERGY.HYDROGEN")), Language.ZH);

        assertThat(text.body()).isEqualTo("一家企业邀请您对接需求“" + TITLE + "”。"
                + "推荐理由：共同关键词 燃料、电池、fuel、cell；同属氢能领域；同城；尚可承接 2 项。");
    }

    @Test
    void an_invited_provider_reads_the_title_and_why_in_english() {
        var text = TEXTS.render(invited(LocationRelation.CROSS_REGION, List.of("ENERGY.HYDROGEN", "ENERGY")),
                Language.EN);

        assertThat(text.body()).isEqualTo("An enterprise invites you to the demand \"" + TITLE + "\". "
                + "Why you: shared terms 燃料, 电池, fuel, cell; fields Hydrogen energy, New energy; in another region; "
                + "capacity for 2 more.");
    }

    @Test
    void a_demand_whose_title_is_not_known_yet_is_a_technology_demand_never_its_id() {
        var shortlisted = Notices.of(new MatchShortlisted(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY), Names.NONE)
                .get(0);

        assertThat(TEXTS.render(shortlisted, Language.ZH).body()).isEqualTo("一家企业已将您列入一项技术需求的候选名单。");
        assertThat(TEXTS.render(shortlisted, Language.EN).body())
                .isEqualTo("An enterprise shortlisted you for a technology demand.");
    }

    @Test
    void a_city_reads_why_nobody_qualified_in_chinese_from_matchings_reason() {
        var unmatched = unmatched("No candidate qualified: 3 no free capacity, 1 conflict of interest");

        assertThat(TEXTS.render(unmatched, Language.ZH).body()).isEqualTo("本市的需求“" + TITLE + "”暂时没有合格的服务方："
                + "有候选方，但均不符合条件（3 个没有空余承接能力、1 个存在利益冲突）。");
        assertThat(TEXTS.render(unmatched, Language.EN).body()).isEqualTo("No provider qualifies yet for the demand \""
                + TITLE + "\" in your city: candidates were found, but the rules refused each (3 without free "
                + "capacity, 1 with a conflict of interest).");
    }

    @Test
    void a_reason_of_a_shape_this_service_does_not_know_is_shown_only_in_english() {
        var unmatched = unmatched("The ranking was interrupted.");

        assertThat(TEXTS.render(unmatched, Language.ZH).body()).endsWith("暂时没有合格的服务方：原因未详。");
        assertThat(TEXTS.render(unmatched, Language.EN).body()).endsWith("in your city: The ranking was interrupted.");
    }

    @Test
    void a_decline_gives_the_reason_in_the_recipients_language_and_the_providers_note_as_written() {
        var declined = Notices.of(new InvitationDeclined(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY,
                DeclineReason.NO_CAPACITY, NOTE), new Names(TITLE, OTHER_PROVIDER)).get(0);

        assertThat(TEXTS.render(declined, Language.ZH).body()).isEqualTo(OTHER_PROVIDER + "婉拒了您就需求“" + TITLE
                + "”发出的对接邀请，原因：无余力承接（" + NOTE + "）。");
        assertThat(TEXTS.render(declined, Language.EN).body()).isEqualTo("Your invitation to the demand \"" + TITLE
                + "\" was declined by " + OTHER_PROVIDER + ". Reason: no capacity to take it on (\"" + NOTE + "\").");
    }

    @Test
    void dates_counts_and_amounts_read_as_each_language_writes_them() {
        var contract = Notices.of(new ContractSigned(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY, CONTRACT, 1_200_000,
                CooperationMode.JOINT_RND, LocalDate.of(2026, 4, 1), null, LocationRelation.SAME_CITY),
                new Names(TITLE, null)).get(0);
        var proposedOne = proposed(1, Names.NONE);

        assertThat(TEXTS.render(contract, Language.ZH).body())
                .isEqualTo("需求“" + TITLE + "”的技术合同已登记：联合研发，金额 1,200,000 元，签订于2026年4月1日。");
        assertThat(TEXTS.render(contract, Language.EN).body()).isEqualTo("The contract for the demand \"" + TITLE
                + "\" is recorded: joint R&D, CNY 1,200,000, signed on 1 April 2026.");
        assertThat(TEXTS.render(proposedOne, Language.EN).title()).isEqualTo("1 match found for you");
        assertThat(TEXTS.render(proposed(3, Names.NONE), Language.EN).title()).isEqualTo("3 matches found for you");
    }

    /** One notice of every kind the service sends, and of every variant its phrases have. */
    private static List<Notice> samples(Language language) {
        List<Notice> notices = new ArrayList<>();
        for (Names names : List.of(new Names(TITLE, PROVIDER), new Names(TITLE, OTHER_PROVIDER), Names.NONE)) {
            notices.addAll(Notices.of(new DemandSubmitted(DEMAND, ENTERPRISE, CITY, TITLE, List.of("ENERGY.HYDROGEN"),
                    true), names));
            notices.addAll(Notices.of(published(), names));
            notices.addAll(Notices.of(new DemandRejected(DEMAND, ENTERPRISE, CITY, REJECTION, "admin"), names));
            notices.addAll(Notices.of(new DemandExpired(DEMAND, ENTERPRISE, CITY, TODAY), names));
            for (int count : List.of(1, 2, 5)) {
                notices.add(proposed(count, names));
            }
            for (String reason : List.of("No provider's profile matches the demand's text or fields",
                    "Every qualifying provider is already matched with this demand",
                    "No candidate qualified: 1 inactive, 2 unavailable, 3 no free capacity, 1 conflict of interest, "
                            + "1 modes do not fit, 4 unverified for confidential demand, 1 a rule added later",
                    "The ranking was interrupted", "")) {
                notices.add(unmatched(reason, names));
            }
            for (LocationRelation location : LocationRelation.values()) {
                notices.addAll(Notices.of(new ProviderInvited(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY,
                        explanation(location, List.of("ENERGY.HYDROGEN", "ENERGY")), null), names));
            }
            notices.addAll(Notices.of(new ProviderInvited(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY,
                    new MatchExplanation(List.of(), List.of("NO.SUCH_FIELD"), LocationRelation.SAME_REGION, 0,
                            "No shared terms; no shared field; in the same region; capacity for 0 more"), null),
                    names));
            notices.addAll(Notices.of(new MatchShortlisted(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY), names));
            notices.addAll(Notices.of(new InvitationAccepted(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY), names));
            for (DeclineReason reason : DeclineReason.values()) {
                for (String note : Arrays.asList(null, NOTE)) {
                    notices.addAll(Notices.of(new InvitationDeclined(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY,
                            reason, note), names));
                }
            }
            for (CooperationMode mode : CooperationMode.values()) {
                notices.addAll(Notices.of(new ContractSigned(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY, CONTRACT,
                        800_000, mode, TODAY, CITY, LocationRelation.SAME_CITY), names));
            }
            for (Party side : Party.values()) {
                notices.addAll(Notices.of(new FeedbackGiven(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY, side, 4,
                        "Excellent"), names));
            }
        }
        notices.addAll(Notices.of(new ProviderVerified(PROVIDER_ID, "platform-admin")));
        var watched = new WatchedDemand(DEMAND, ENTERPRISE, CITY, TITLE, TODAY.plusDays(3),
                TODAY.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC));
        for (int daysLeft = 0; daysLeft <= 3; daysLeft++) {
            notices.add(watched.expiringSoon(TODAY.plusDays(3 - daysLeft), 3).orElseThrow().notice());
        }
        notices.add(watched.stale(Instant.parse("2026-11-20T00:00:00Z"), Duration.ofDays(14)).orElseThrow().notice());
        List<String> titles = notices.stream().map(notice -> TEXTS.render(notice, language).title()).distinct()
                .sorted(Comparator.naturalOrder()).toList();
        notices.add(Notices.digest(Recipient.enterprise(ENTERPRISE), titles.subList(0, 1)));
        notices.add(Notices.digest(Recipient.enterprise(ENTERPRISE), titles));
        return notices;
    }

    private static List<Rendered> rendered(Language language) {
        return samples(language).stream().map(notice -> new Rendered(notice, language, TEXTS.render(notice, language)))
                .toList();
    }

    private static Notice invited(LocationRelation location, List<String> fieldCodes) {
        return Notices.of(new ProviderInvited(MATCH, DEMAND, PROVIDER_ID, ENTERPRISE, CITY,
                explanation(location, fieldCodes), "Can you help with our stack durability?"),
                new Names(TITLE, null)).get(0);
    }

    private static Notice proposed(int count, Names names) {
        List<Proposal> proposals = new ArrayList<>();
        for (int rank = 1; rank <= count; rank++) {
            proposals.add(new Proposal(MATCH + rank, rank == 1 ? PROVIDER_ID : OTHER_PROVIDER_ID,
                    rank == 1 ? PROVIDER : OTHER_PROVIDER, ProviderKind.EXPERT, CITY, "421200", rank, 0.9 / rank,
                    explanation(LocationRelation.SAME_CITY, List.of("ENERGY.HYDROGEN"))));
        }
        return Notices.of(new MatchesProposed(DEMAND, null, ENTERPRISE, CITY, MatchTrigger.DEMAND_PUBLISHED,
                proposals, null), names).get(0);
    }

    private static Notice unmatched(String reason) {
        return unmatched(reason, new Names(TITLE, null));
    }

    private static Notice unmatched(String reason, Names names) {
        return Notices.of(new MatchesProposed(DEMAND, null, ENTERPRISE, CITY, MatchTrigger.DEMAND_PUBLISHED, List.of(),
                reason), names).get(0);
    }

    private static DemandPublished published() {
        var content = new DemandContent(TITLE, "公司为城市公交配套80 kW燃料电池电堆。", List.of("动态工况下膜电极衰减快"),
                "电堆15000小时功率衰减低于10%", List.of("ENERGY.HYDROGEN"), List.of("燃料电池", "fuel cell"),
                List.of(CooperationMode.JOINT_RND), new BudgetRange(800_000L, 2_000_000L), TODAY.plusMonths(12),
                Visibility.PUBLIC, null);
        return new DemandPublished(DEMAND, new EnterpriseRef(ENTERPRISE, "咸宁氢能科技有限公司", "91421200MA49XXXX0X",
                "421200"), CITY, content, TODAY.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** As matching explains a proposal, its English summary included: the texts must not show it. */
    private static MatchExplanation explanation(LocationRelation location, List<String> fieldCodes) {
        return new MatchExplanation(TERMS, fieldCodes, location, 2,
                "Matches 燃料, 电池, fuel, cell; field " + String.join(", ", fieldCodes) + "; in the same city; "
                        + "capacity for 2 more");
    }

    private static Properties templates(Language language) throws IOException {
        var properties = new Properties();
        String name = "notifications/texts_" + language.locale().getLanguage() + ".properties";
        try (InputStream in = NotificationTextsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private record Rendered(Notice notice, Language language, Texts.Text text) {

        String whole() {
            return text.title() + "\n" + text.body();
        }

        /** The text without the users' own words, longest first so a word inside a title goes with the title. */
        String templateWords() {
            String left = whole();
            for (String words : USERS_WORDS.stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .toList()) {
                left = left.replace(words, " ");
            }
            return left;
        }

        String describe() {
            return notice.type() + " in " + language + ": " + whole();
        }
    }
}
