package cn.innovationchina.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.reference.FieldTaxonomy;

class BridgeTest {

    private final Bridge bridge = Bridge.of(FieldTaxonomy.standard());

    @Test
    void a_chinese_word_bridges_to_the_stems_of_its_dictionary_glosses() {
        assertThat(bridge.englishOf(List.of("回收", "电池"))).contains("recycl", "batteri");
    }

    @Test
    void a_word_the_dictionary_lacks_is_translated_by_the_words_it_is_made_of() {
        assertThat(bridge.englishOf(List.of("退役电池"))).contains("retir", "batteri");
    }

    @Test
    void an_english_phrase_bridges_to_its_common_chinese_translations_as_the_analysis_splits_them() {
        assertThat(bridge.chineseOf("blade damage detection; hydrometallurgical recycling of lithium-ion batteries"))
                .contains("叶片", "检测", "回收", "电池");
    }

    @Test
    void technical_words_the_general_dictionary_lacks_bridge_through_the_english_chinese_one() {
        assertThat(bridge.chineseOf("ilmenite flotation; selective flocculation")).contains("钛铁矿", "浮选", "絮凝");
        assertThat(bridge.englishOf(List.of("钛铁矿", "絮凝"))).contains("ilmenit", "floccul");
    }

    @Test
    void a_single_domain_generic_english_word_bridges_to_nothing() {
        assertThat(bridge.chineseOf("methods; systems; technology")).isEmpty();
    }

    @Test
    void the_taxonomys_pairs_are_part_of_the_bridge() {
        assertThat(bridge.englishOf(List.of("热管理"))).contains("thermal", "manag");
        assertThat(bridge.chineseOf("battery thermal management")).contains("热管理");
    }

    @Test
    void phrases_do_not_run_across_clauses() {
        assertThat(bridge.chineseOf("solid oxide fuel; cell biology")).doesNotContain("燃料电池");
        assertThat(bridge.chineseOf("solid oxide fuel cell")).contains("燃料电池");
    }

    @Test
    void translations_for_an_explanation_come_the_usual_sense_first() {
        assertThat(bridge.glossesFor("热管理").get(0)).isEqualTo(new Bridge.Gloss("thermal management",
                List.of("thermal", "manag")));
        assertThat(bridge.glossesFor("回收")).extracting(Bridge.Gloss::text).startsWith("recycle");
        assertThat(bridge.translationsFor("detection")).extracting(Bridge.Gloss::text).startsWith("检测");
        assertThat(bridge.translationsFor("batteries")).extracting(Bridge.Gloss::text).startsWith("电池");
    }
}
