package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.ServiceTest;

/** Experts find published demands by field, city, cooperation mode and text, a page at a time. */
@ServiceTest
class SearchTest extends DemandScenario {

    @Test
    void an_expert_finds_a_published_demand_by_field_city_mode_and_text() {
        String word = "sinter" + UUID.randomUUID().toString().substring(0, 6);
        var demand = publishedBy(registeredEnterprise(UNREVIEWED_CITY),
                Drafts.with(hydrogen(UNREVIEWED_CITY), "keywords", List.of(word.toUpperCase())));

        var found = expert().searches("field=ENERGY.HYDROGEN&city=WUHAN&mode=JOINT_RND&text=" + word).ok();

        assertThat(found.itemIds()).containsExactly(demand.id());
        assertThat(found.items().get(0)).doesNotContainKey("contact");
    }

    @Test
    void an_expert_finds_a_demand_by_chinese_text() {
        String word = "电堆" + UUID.randomUUID().toString().substring(0, 6);
        var draft = hydrogen(UNREVIEWED_CITY);
        draft.put("background", "城市公交用80千瓦" + word + "功率衰减过快");
        var demand = publishedBy(registeredEnterprise(UNREVIEWED_CITY), draft);

        assertThat(expert().searches("text=" + word).ok().itemIds()).containsExactly(demand.id());
    }

    @Test
    void a_search_does_not_find_a_demand_of_another_field_or_mode() {
        String word = "glass" + UUID.randomUUID().toString().substring(0, 6);
        publishedBy(registeredEnterprise(UNREVIEWED_CITY),
                Drafts.with(hydrogen(UNREVIEWED_CITY), "keywords", List.of(word)));

        assertThat(expert().searches("field=IT.AI&text=" + word).ok().items()).isEmpty();
        assertThat(expert().searches("mode=LICENSING&text=" + word).ok().items()).isEmpty();
        assertThat(expert().searches("city=CHENGDU&text=" + word).ok().items()).isEmpty();
    }

    @Test
    void a_demand_under_review_is_not_found() {
        String word = "review" + UUID.randomUUID().toString().substring(0, 6);
        var enterprise = registeredEnterprise(REVIEWED_CITY);
        var demand = enterprise.hasDrafted(Drafts.with(hydrogen(REVIEWED_CITY), "keywords", List.of(word)));
        enterprise.submits(demand).ok();

        assertThat(expert().searches("text=" + word).ok().items()).isEmpty();
    }

    @Test
    void a_confidential_demand_is_found_by_its_title_but_not_by_what_it_hides() {
        String hidden = "secret" + UUID.randomUUID().toString().substring(0, 6);
        var draft = Drafts.with(hydrogen(UNREVIEWED_CITY), "visibility", "CONFIDENTIAL");
        draft.put("background", "Uses our " + hidden + " process");
        var demand = publishedBy(registeredEnterprise(UNREVIEWED_CITY), draft);
        String title = (String) draft.get("title");

        assertThat(expert().searches("text=" + hidden).ok().items()).isEmpty();
        var found = expert().searches("text=" + title.substring(title.lastIndexOf(' ') + 1)).ok();
        assertThat(found.itemIds()).containsExactly(demand.id());
        assertThat(found.items().get(0)).containsOnlyKeys("id", "status", "cityCode", "title", "fieldCodes",
                "visibility");
    }

    @Test
    void an_expert_cannot_learn_a_confidential_demands_cooperation_modes_by_searching_for_them() {
        var draft = Drafts.with(hydrogen(UNREVIEWED_CITY), "visibility", "CONFIDENTIAL");
        draft.put("cooperationModes", List.of("PILOT_SCALE_TESTING"));
        var demand = publishedBy(registeredEnterprise(UNREVIEWED_CITY), draft);
        String title = (String) draft.get("title");
        String byTitle = "field=ENERGY.HYDROGEN&text=" + title.substring(title.lastIndexOf(' ') + 1);

        assertThat(expert().searches(byTitle).ok().itemIds()).containsExactly(demand.id());
        assertThat(expert().searches(byTitle + "&mode=PILOT_SCALE_TESTING").ok().items()).isEmpty();
        assertThat(expert().searches(byTitle + "&mode=LICENSING").ok().items()).isEmpty();
    }

    @Test
    void the_platform_administrator_who_sees_a_confidential_demand_in_full_finds_it_by_what_it_hides() {
        String hidden = "secret" + UUID.randomUUID().toString().substring(0, 6);
        var draft = Drafts.with(hydrogen(UNREVIEWED_CITY), "visibility", "CONFIDENTIAL");
        draft.put("cooperationModes", List.of("PILOT_SCALE_TESTING"));
        draft.put("background", "Uses our " + hidden + " process");
        var demand = publishedBy(registeredEnterprise(UNREVIEWED_CITY), draft);

        assertThat(platformAdmin().searches("mode=PILOT_SCALE_TESTING&text=" + hidden).ok().itemIds())
                .containsExactly(demand.id());
        assertThat(platformAdmin().searches("mode=LICENSING&text=" + hidden).ok().items()).isEmpty();
    }

    @Test
    void results_come_a_page_at_a_time_with_the_total() {
        String word = "paged" + UUID.randomUUID().toString().substring(0, 6);
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        for (int i = 0; i < 3; i++) {
            publishedBy(enterprise, Drafts.with(hydrogen(UNREVIEWED_CITY), "keywords", List.of(word)));
        }

        var first = expert().searches("text=" + word + "&size=2&page=0").ok();
        var second = expert().searches("text=" + word + "&size=2&page=1").ok();

        assertThat(first.get("total")).isEqualTo(3);
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.itemIds()).doesNotContainAnyElementsOf(first.itemIds());
    }

    @Test
    void a_search_text_with_a_control_character_is_refused_naming_text() {
        for (String text : List.of("\u0000", "fuel\u0000cell", "fuel\u001Bcell")) {
            assertThat(expert().searches("text={text}", text).invalidField()).isEqualTo("text");
            assertThat(platformAdmin().searches("text={text}", text).invalidField()).isEqualTo("text");
        }
    }

    @Test
    void an_enterprise_may_not_search_other_enterprises_demands() {
        registeredEnterprise(UNREVIEWED_CITY).searches("text=fuel").expect(403);
    }
}
