package cn.innovationchina.testkit.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.Visibility;

class LabelledSetTest {

    private static final String PILOT_CITY_SET = """
            # batteries
            provider bat-01 | EXPERT | WUHAN | 3/1 | ENERGY.BATTERY | JOINT_RND COMMISSIONED CONSULTING
            name: 张立华
            org: 武汉理工大学汽车工程学院 | 12100000441626381D
            title: 教授
            skills: 动力电池热管理; 液冷板流道设计
            summary: 长期从事锂离子电池包热管理研究。
            ach: PATENT 一种储能电池包液冷板; PROJECT 湖北省重点研发计划
            regions: MIDDLE_YANGTZE

            provider bat-02 | EXPERT | BEIJING | 4/4 | ENERGY.BATTERY | JOINT_RND
            name: Dr. Chen Wei
            lang: en
            flags: unverified busy
            conflicts: 91421200MA49K3T62U
            member: 咸宁供电公司
            summary: Studies thermal runaway.

            demand D-bat-1 | XIANNING | mixed | ENERGY.BATTERY | JOINT_RND COMMISSIONED | CONFIDENTIAL
            enterprise: 咸宁鄂南储能科技有限公司 | 91421200MA49K3T62U
            title: 储能电池包液冷热管理
            background: 夏季高温运行时电芯温差超过8℃。
            problems: 液冷板流道优化; 热失控蔓延的阻断设计
            outcomes: 液冷系统设计方案
            keywords: 液冷; 热失控
            judge: bat-01 3 液冷板设计，正是所问
            judge: bat-02 2 thermal runaway, but busy
            """;

    private static final String DIVISION_SET = """
            provider mat-01 | INSTITUTE | 420100 | 5/0 | MATERIALS | TESTING PILOT
            name: 武汉材料研究所
            regions: YANGTZE_MIDDLE 430000
            summary: 新材料中试。

            demand D-mat-1 | WUHAN | zh | MATERIALS.CHEMICAL | PILOT | PUBLIC
            enterprise: 武汉某材料公司 | 91420100MA4KXB2E7T
            title: 中试放大
            judge: mat-01 2 中试平台
            """;

    @Test
    void a_provider_is_read_with_its_place_load_fields_modes_texts_and_defaults() {
        var set = LabelledSet.parse(Map.of("energy.txt", PILOT_CITY_SET));

        var provider = set.provider("bat-01");
        assertThat(provider.kind()).isEqualTo(ProviderKind.EXPERT);
        assertThat(provider.place().cityCode()).isEqualTo("WUHAN");
        assertThat(provider.place().divisionCode()).isNull();
        assertThat(provider.capacity()).isEqualTo(3);
        assertThat(provider.freeCapacity()).isEqualTo(2);
        assertThat(provider.modes()).containsExactly(CooperationMode.JOINT_RND,
                CooperationMode.COMMISSIONED_DEVELOPMENT, CooperationMode.TECHNICAL_CONSULTING);
        assertThat(provider.affiliation()).isEqualTo("武汉理工大学汽车工程学院");
        assertThat(provider.affiliationCreditCode()).isEqualTo("12100000441626381D");
        assertThat(provider.skills()).containsExactly("动力电池热管理", "液冷板流道设计");
        assertThat(provider.achievements()).extracting(Achievement::kind)
                .containsExactly(Achievement.Kind.PATENT, Achievement.Kind.PROJECT);
        assertThat(provider.regions()).containsExactly("MIDDLE_YANGTZE");
        assertThat(provider.languages()).containsExactly("zh");
        assertThat(provider.verified()).isTrue();
        assertThat(provider.availability()).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void flags_conflicts_membership_and_languages_are_read() {
        var provider = LabelledSet.parse(Map.of("energy.txt", PILOT_CITY_SET)).provider("bat-02");

        assertThat(provider.verified()).isFalse();
        assertThat(provider.availability()).isEqualTo(Availability.BUSY);
        assertThat(provider.freeCapacity()).isZero();
        assertThat(provider.languages()).containsExactly("en");
        assertThat(provider.conflictCreditCodes()).containsExactly("91421200MA49K3T62U");
        assertThat(provider.memberOf()).isEqualTo("咸宁供电公司");
        assertThat(provider.affiliation()).isNull();
    }

    @Test
    void a_demand_is_read_with_its_enterprise_languages_and_judgements() {
        var set = LabelledSet.parse(Map.of("energy.txt", PILOT_CITY_SET));

        var demand = set.demands().get(0);
        assertThat(demand.cityCode()).isEqualTo("XIANNING");
        assertThat(demand.languages()).containsExactly("zh", "en");
        assertThat(demand.visibility()).isEqualTo(Visibility.CONFIDENTIAL);
        assertThat(demand.enterprise().creditCode()).isEqualTo("91421200MA49K3T62U");
        assertThat(demand.problems()).containsExactly("液冷板流道优化", "热失控蔓延的阻断设计");
        assertThat(set.gradesOf("D-bat-1")).containsExactlyInAnyOrderEntriesOf(Map.of("bat-01", 3, "bat-02", 2));
        assertThat(set.judgements().get(0).reason()).isEqualTo("液冷板设计，正是所问");
    }

    @Test
    void a_provider_placed_by_division_code_serves_zones_and_provinces_in_a_field_area() {
        var set = LabelledSet.parse(Map.of("materials.txt", DIVISION_SET));

        var provider = set.provider("mat-01");
        assertThat(provider.place().isDivision()).isTrue();
        assertThat(provider.place().divisionCode()).isEqualTo("420100");
        assertThat(provider.place().cityCode()).isNull();
        assertThat(provider.regions()).containsExactly("YANGTZE_MIDDLE", "430000");
        assertThat(provider.fieldCodes()).containsExactly("MATERIALS");
    }

    @Test
    void a_judgement_of_an_unknown_provider_is_refused_with_where_it_is() {
        String text = DIVISION_SET + "judge: mat-99 1 nobody\n";

        assertThatThrownBy(() -> LabelledSet.parse(Map.of("materials.txt", text)))
                .hasMessageContaining("materials.txt:10").hasMessageContaining("unknown provider mat-99");
    }

    @Test
    void a_pair_judged_twice_is_refused() {
        String text = DIVISION_SET + "judge: mat-01 1 again\n";

        assertThatThrownBy(() -> LabelledSet.parse(Map.of("materials.txt", text)))
                .hasMessageContaining("judges mat-01 twice");
    }

    @Test
    void a_misspelt_key_flag_or_mode_is_refused_rather_than_ignored() {
        assertThatThrownBy(() -> LabelledSet.parse(Map.of("a.txt", DIVISION_SET.replace("regions:", "region:"))))
                .hasMessageContaining("a.txt:3").hasMessageContaining("unknown key region");
        assertThatThrownBy(() -> LabelledSet.parse(Map.of("a.txt", PILOT_CITY_SET.replace("busy", "bussy"))))
                .hasMessageContaining("unknown flag: bussy");
        assertThatThrownBy(() -> LabelledSet.parse(Map.of("a.txt", DIVISION_SET.replace("TESTING PILOT",
                "TESTS PILOT")))).hasMessageContaining("a.txt:1").hasMessageContaining("unknown cooperation mode");
    }

    @Test
    void a_place_that_is_neither_a_pilot_city_nor_a_division_code_is_refused() {
        assertThatThrownBy(() -> LabelledSet.parse(Map.of("a.txt", DIVISION_SET.replace("420100", "4201"))))
                .hasMessageContaining("place must be a pilot-city code or a 6-digit division code: 4201");
    }
}
