package cn.innovationchina.expert.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.client.model.Filters;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.expert.domain.Contact;
import cn.innovationchina.expert.domain.Profile;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.expert.domain.ProviderSearch;
import cn.innovationchina.platform.web.PageRequest;
import cn.innovationchina.testkit.ServiceTest;
import reactor.core.publisher.Mono;

@ServiceTest
class StoredProvidersTest {

    /** GB/T 2260 code of Wuhan, the pilot city's division. */
    private static final String WUHAN_DIVISION = "420100";

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ProviderRepository providers;
    @Autowired
    FlatProfiles flatProfiles;

    @Test
    void a_provider_is_stored_with_its_profile_as_one_sub_document_and_read_back_unchanged() {
        String id = "PRV-" + UUID.randomUUID();
        var registered = Provider.register(id, "row-7", null, hydrogenProfile(), new Contact("li@example.cn", null));

        var stored = providers.create(registered.state(), registered.events()).block();

        assertThat(providers.find(id).block()).isEqualTo(stored);
        Document raw = raw(id);
        assertThat(raw.get("profile", Document.class)).containsEntry("name", "李娜").containsEntry("kind", "EXPERT")
                .containsEntry("fieldCodes", List.of("ENERGY.HYDROGEN"))
                .containsEntry("services", List.of("JOINT_RND"));
        assertThat(raw).doesNotContainKey("fieldCodes").containsEntry("email", "li@example.cn");
    }

    @Test
    void a_provider_stored_flat_before_the_profile_was_a_sub_document_is_read_whole() {
        String id = "PRV-" + UUID.randomUUID();
        insertFlat(id, "flatreadword");

        var provider = providers.find(id).block();

        assertThat(provider.profile()).isEqualTo(new Profile("王强", ProviderKind.EXPERT, "武汉理工大学", null, "教授",
                List.of("ENERGY.HYDROGEN"), List.of("燃料电池"), List.of("hydrogen"), "flatreadword 燃料电池电堆设计",
                List.of(new Achievement(Achievement.Kind.PATENT, "一种燃料电池双极板", "CN112345678A", 2021)),
                List.of(CooperationMode.JOINT_RND, CooperationMode.TECHNICAL_CONSULTING), "WUHAN", WUHAN_DIVISION,
                List.of("YANGTZE_MIDDLE"), List.of("zh", "en"), 3, List.of()));
        assertThat(provider.contact()).isEqualTo(new Contact("wang@example.cn", "+86 27 1234 5678"));
        assertThat(provider.availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(provider.version()).isEqualTo(4);
    }

    @Test
    void a_provider_stored_flat_gets_the_new_shape_at_start_up_keeps_its_version_and_is_found_by_search() {
        String id = "PRV-" + UUID.randomUUID();
        insertFlat(id, "flatmoveword");
        var before = providers.find(id).block();

        flatProfiles.moveIntoSubDocuments().block();

        Document raw = raw(id);
        assertThat(raw.get("profile", Document.class)).containsEntry("cityCode", "WUHAN")
                .containsEntry("divisionCode", WUHAN_DIVISION);
        assertThat(raw).doesNotContainKeys("name", "fieldCodes", "cityCode").containsEntry("version", 4L);
        assertThat(providers.find(id).block()).isEqualTo(before);
        var found = providers.search(new ProviderSearch("ENERGY.HYDROGEN", List.of(), ProviderKind.EXPERT, null,
                null, "flatmoveword"), PageRequest.of(0, 10)).block();
        assertThat(found.items()).containsExactly(before);
    }

    private static Profile hydrogenProfile() {
        return new Profile("李娜", ProviderKind.EXPERT, null, null, null, List.of("ENERGY.HYDROGEN"),
                List.of("电解水制氢"), List.of(), "从事碱性电解水制氢装备研究，可为企业提供技术咨询与联合研发服务。", List.of(),
                List.of(CooperationMode.JOINT_RND), null, WUHAN_DIVISION, List.of(), List.of("zh"), 2, List.of());
    }

    /** A provider as expert-service stored it before the profile was a sub-document: every field at the top. */
    private void insertFlat(String id, String word) {
        var flat = new Document("_id", id).append("name", "王强").append("kind", "EXPERT")
                .append("affiliation", "武汉理工大学").append("title", "教授")
                .append("fieldCodes", List.of("ENERGY.HYDROGEN")).append("skills", List.of("燃料电池"))
                .append("keywords", List.of("hydrogen")).append("summary", word + " 燃料电池电堆设计")
                .append("achievements", List.of(new Document("kind", "PATENT").append("title", "一种燃料电池双极板")
                        .append("reference", "CN112345678A").append("year", 2021)))
                .append("services", List.of("JOINT_RND", "TECHNICAL_CONSULTING")).append("cityCode", "WUHAN")
                .append("regionsServed", List.of("YANGTZE_MIDDLE")).append("languages", List.of("zh", "en"))
                .append("capacity", 3).append("conflictCreditCodes", List.of())
                .append("email", "wang@example.cn").append("phone", "+86 27 1234 5678")
                .append("availability", "AVAILABLE").append("verification", "UNVERIFIED")
                .append("status", "ACTIVE").append("searchText", word + "\n王强\n武汉理工大学")
                .append("version", 4L).append("outbox", List.of());
        mongo.getCollection(ProviderDocument.COLLECTION).flatMap(c -> Mono.from(c.insertOne(flat))).block();
    }

    private Document raw(String id) {
        return mongo.getCollection(ProviderDocument.COLLECTION)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first())).block();
    }
}
