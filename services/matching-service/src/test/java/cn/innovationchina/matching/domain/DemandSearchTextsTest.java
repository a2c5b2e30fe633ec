package cn.innovationchina.matching.domain;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.DemandContent;
import cn.innovationchina.reference.FieldTaxonomy;

class DemandSearchTextsTest {

    private final FieldTaxonomy fields = FieldTaxonomy.standard();

    @Test
    void a_chinese_demand_is_searched_also_with_the_english_of_the_field_synonyms_it_mentions() {
        var texts = demandOf(demand("储能电池包液冷与热失控防护").fields("ENERGY.BATTERY").keywords("储能", "热失控").build())
                .searchTexts(fields);

        assertThat(texts.named()).contains("储能电池包液冷与热失控防护", "储能", "热失控");
        assertThat(texts.fieldVocabulary()).contains("储能与电池", "Energy storage and batteries", "储能",
                "energy storage");
    }

    @Test
    void the_synonyms_of_sub_topics_the_demand_does_not_mention_stay_out() {
        var texts = demandOf(demand("储能电池包液冷与热失控防护").fields("ENERGY.BATTERY").build()).searchTexts(fields);

        assertThat(texts.fieldVocabulary()).doesNotContain("钠离子电池", "sodium-ion battery", "电池回收",
                "battery recycling");
    }

    @Test
    void an_english_demand_is_bridged_to_chinese_through_its_area_too_and_only_by_whole_words() {
        var texts = demandOf(demand("Steady supply of new materials for tea packaging").fields("MATERIALS", "AGRI.TEA")
                .build()).searchTexts(fields);

        assertThat(texts.fieldVocabulary()).contains("新材料", "new materials", "茶叶", "tea").doesNotContain("茶饮料");
        assertThat(demandOf(demand("Steady supply chains").fields("AGRI.TEA").build()).searchTexts(fields)
                .fieldVocabulary()).doesNotContain("茶叶");
    }

    @Test
    void an_english_term_is_mentioned_whatever_its_case_and_after_any_punctuation() {
        var texts = demandOf(demand("Retired packs: (Battery Recycling) at scale").fields("ENERGY.BATTERY").build())
                .searchTexts(fields);

        assertThat(texts.fieldVocabulary()).contains("电池回收", "battery recycling");
    }

    private static Demand demandOf(DemandContent content) {
        return new Demand("d-1", enterprise("e-1", "Enterprise", "91421200MA4XN0001K"), "XIANNING", content, true, 1);
    }
}
