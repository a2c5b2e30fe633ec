package cn.innovationchina.matching.persistence;

import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.matching.Profiles;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.SearchTexts;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.testkit.Eventually;

class ProviderIndexTest {

    private final ProviderIndex index = new ProviderIndex(FieldTaxonomy.standard());

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void an_index_no_update_reaches_for_a_moment_is_searched_in_one_segment_with_the_same_answers() {
        SearchTexts demand = SearchTexts.of("fuel cell stack durability 7");
        for (int i = 0; i < 40; i++) {
            index.put(List.of(providerOf("p-" + i, provider("Expert " + i).skills("fuel cell stacks " + i))));
            index.search(demand, List.of(), List.of(), 10);
        }
        var before = index.search(demand, List.of(), List.of(), 10);
        assertThat(index.segments()).isGreaterThan(1);

        Eventually.awaitState("one segment", index::segments, segments -> segments == 1);

        assertThat(index.search(demand, List.of(), List.of(), 10)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(index.size()).isEqualTo(40);
    }

    @Test
    void providers_put_one_by_one_with_no_search_between_are_found_in_one_segment_by_the_next_search() {
        for (int i = 0; i < 199; i++) {
            index.put(List.of(providerOf("p-" + i, provider("Expert " + i).skills("fuel cell stacks"))));
        }
        index.put(List.of(providerOf("p-tanks", provider("Dr. Tank").skills("hydrogen storage tanks"))));

        var hits = index.search(SearchTexts.of("hydrogen storage tanks"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-tanks");
        assertThat(index.segments()).isEqualTo(1);
    }

    @Test
    void the_words_a_demand_names_its_need_with_weigh_more_than_those_it_describes_it_with() {
        index.put(List.of(providerOf("p-recycling", provider("Recycler").skills("recycling of spent cells")),
                providerOf("p-modelling", provider("Modeller").skills("phosphate cell modelling"))));

        var named = index.search(new SearchTexts(List.of("Recycling"), List.of("phosphate"), List.of()), List.of(),
                List.of(), 10);
        var described = index.search(new SearchTexts(List.of(), List.of("Recycling", "phosphate"), List.of()),
                List.of(), List.of(), 10);

        assertThat(named).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-recycling", "p-modelling");
        assertThat(named.get(0).relevance()).isGreaterThan(named.get(1).relevance());
        assertThat(described).extracting(ProviderIndex.TextHit::relevance).containsOnly(0.5f);
    }

    @Test
    void chinese_text_is_found_by_its_words() {
        index.put(List.of(providerOf("p-zh", provider("王教授").summary("长期从事质子交换膜燃料电池电堆研发"))));

        var hits = index.search(SearchTexts.of("燃料电池电堆寿命提升"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-zh");
        assertThat(hits.get(0).matchedTerms()).contains("燃料", "电池");
    }

    @Test
    void an_expert_writing_traditional_characters_is_found_for_a_simplified_demand_by_the_same_words() {
        index.put(List.of(providerOf("p-hk", provider("陳國強教授").skills("質子交換膜燃料電池電堆耐久性", "膜電極")
                        .summary("香港科技大學，從事燃料電池壽命研究二十年")),
                providerOf("p-vision", provider("王工").skills("机器视觉缺陷检测"))));

        var hits = index.search(SearchTexts.of("燃料电池电堆寿命提升"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-hk");
        assertThat(hits.get(0).matchedTerms()).contains("燃料", "电池", "寿命");
    }

    @Test
    void a_demand_written_in_traditional_characters_finds_an_expert_writing_simplified() {
        index.put(List.of(providerOf("p-zh", provider("王教授").summary("长期从事质子交换膜燃料电池电堆研发")),
                providerOf("p-vision", provider("王工").skills("机器视觉缺陷检测"))));

        var hits = index.search(SearchTexts.of("燃料電池電堆壽命提升"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-zh");
        assertThat(hits.get(0).matchedTerms()).contains("燃料", "电池", "电堆");
    }

    @Test
    void a_provider_ranks_for_a_demand_exactly_when_the_search_with_that_limit_returns_it() {
        index.put(List.of(providerOf("p-stack", provider("王教授").summary("燃料电池电堆寿命与电堆耐久性研究")),
                providerOf("p-cell", provider("李研究员").summary("燃料电池催化剂")),
                providerOf("p-implants", provider("Dr. Smith").skills("dental implant surfaces"))));
        SearchTexts demand = SearchTexts.of("燃料电池电堆寿命提升");

        assertThat(index.search(demand, List.of(), List.of(), 1)).extracting(ProviderIndex.TextHit::providerId)
                .containsExactly("p-stack");
        assertThat(index.ranks("p-stack", demand, List.of(), List.of(), 1)).isTrue();
        assertThat(index.ranks("p-cell", demand, List.of(), List.of(), 1)).as("found, but not within the limit")
                .isFalse();
        assertThat(index.ranks("p-cell", demand, List.of(), List.of(), 10)).isTrue();
        assertThat(index.ranks("p-implants", demand, List.of(), List.of(), 10)).as("not found at all").isFalse();
    }

    @Test
    void whether_a_provider_ranks_agrees_with_the_search_for_every_provider_and_limit_among_equal_scores() {
        String[] profiles = {"fuel cell stack durability", "fuel cell catalysts", "hydrogen storage tanks",
                "stack durability testing", "unrelated words"};
        for (int batch = 0; batch < 4; batch++) {
            List<Provider> providers = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                // Copies score alike, so ties decide many places; every provider shares the demand's field.
                providers.add(providerOf("p-" + batch + "-" + i, provider("Expert " + batch + "-" + i)
                        .fields("ENERGY.HYDROGEN").skills(profiles[(batch + i) % profiles.length])));
            }
            index.put(providers);
            index.search(SearchTexts.of("warm-up"), List.of(), List.of(), 1);
        }
        assertThat(index.segments()).as("several segments").isGreaterThan(1);
        var demand = SearchTexts.of("fuel cell stack durability");
        var fields = List.of("ENERGY.HYDROGEN");

        for (int limit : new int[] {1, 4, 12, 13, 30, 59, 60, 61}) {
            var returned = index.search(demand, fields, List.of(), limit).stream()
                    .map(ProviderIndex.TextHit::providerId).toList();
            for (int batch = 0; batch < 4; batch++) {
                for (int i = 0; i < 15; i++) {
                    String id = "p-" + batch + "-" + i;
                    assertThat(index.ranks(id, demand, fields, List.of(), limit)).as(id + " within " + limit)
                            .isEqualTo(returned.contains(id));
                }
            }
        }
    }

    @Test
    void an_english_writing_battery_recycling_expert_is_found_for_a_chinese_recycling_demand() {
        index.put(List.of(providerOf("p-recycling", provider("Prof. Sun").skills(
                        "hydrometallurgical recycling of lithium-ion batteries",
                        "direct regeneration of spent cathodes")),
                providerOf("p-vision", provider("Dr. Lee").skills("machine vision", "defect inspection"))));

        var hits = index.search(SearchTexts.of("退役动力电池回收"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-recycling");
        assertThat(hits.get(0).matchedTerms()).contains("电池 ~ battery", "回收 ~ recycle");
    }

    @Test
    void a_chinese_writing_battery_recycling_expert_is_found_for_an_english_recycling_demand() {
        index.put(List.of(providerOf("p-recycling", provider("李冬梅").skills("废旧锂电池湿法冶金", "碳酸锂回收")
                        .summary("从事退役动力电池资源化回收二十年")),
                providerOf("p-vision", provider("王工").skills("机器视觉缺陷检测"))));

        var hits = index.search(SearchTexts.of("Recycling of retired EV batteries"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-recycling");
        assertThat(hits.get(0).matchedTerms()).contains("recycling ~ 回收", "retired ~ 退役");
    }

    @Test
    void an_english_writing_mineral_processing_expert_is_found_for_a_chinese_demand_by_technical_words() {
        index.put(List.of(providerOf("p-flotation", provider("Prof. Ge").skills("ultrafine ilmenite flotation",
                        "selective flocculation", "hydroxamic acid collectors")),
                providerOf("p-vision", provider("Dr. Lee").skills("machine vision", "defect inspection"))));

        var hits = index.search(SearchTexts.of("钛铁矿浮选：选择性絮凝与捕收剂"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-flotation");
        assertThat(hits.get(0).matchedTerms()).contains("钛铁矿 ~ ilmenite", "浮选 ~ flotation", "絮凝 ~ flocculate");
    }

    @Test
    void a_chinese_writing_mineral_processing_expert_is_found_for_an_english_demand_by_technical_words() {
        index.put(List.of(providerOf("p-flotation", provider("孔颖峰").skills("钛铁矿浮选", "絮凝")),
                providerOf("p-vision", provider("王工").skills("机器视觉缺陷检测"))));

        var hits = index.search(SearchTexts.of("Flotation of fine ilmenite"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-flotation");
        assertThat(hits.get(0).matchedTerms()).contains("ilmenite ~ 钛铁矿", "flotation ~ 浮选");
    }

    @Test
    void a_translation_counts_less_than_the_word_itself() {
        index.put(List.of(providerOf("p-zh", provider("李冬梅").skills("电池回收")),
                providerOf("p-en", provider("Prof. Sun").skills("battery recycling"))));

        var hits = index.search(SearchTexts.of("电池回收"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-zh", "p-en");
        assertThat(hits.get(1).relevance()).isCloseTo((float) DemandQuery.BRIDGED, within(0.01f));
    }

    @Test
    void a_provider_sharing_only_generic_words_with_a_demand_is_not_found() {
        index.put(List.of(providerOf("p-generic-zh", provider("综合服务公司").summary("提供技术研究与系统开发服务")),
                providerOf("p-generic-en", provider("General services").summary("technology research, system "
                        + "development and application services"))));

        assertThat(index.search(SearchTexts.of("储能系统热管理技术研究"), List.of(), List.of(), 10)).isEmpty();
        assertThat(index.search(SearchTexts.of("Battery system technology development"), List.of(), List.of(), 10))
                .isEmpty();
    }

    @Test
    void one_incidental_word_earns_a_small_share_of_the_demand() {
        index.put(List.of(providerOf("p-all", provider("Specialist").skills("electrolyser membranes",
                        "iridium catalysts", "stack durability")),
                providerOf("p-one", provider("Neighbour").skills("battery membranes"))));

        var hits = index.search(SearchTexts.of("electrolyser membranes, iridium catalysts and stack durability"),
                List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-all", "p-one");
        assertThat(hits.get(0).relevance()).isEqualTo(1f);
        assertThat(hits.get(1).relevance()).isLessThan(0.25f);
    }

    @Test
    void english_words_match_across_their_inflections_and_show_as_the_demand_wrote_them() {
        index.put(List.of(providerOf("p-en", provider("Dr. Smith").skills("battery recycling", "cathode coatings"))));

        var hits = index.search(SearchTexts.of("Recycled batteries"), List.of(), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-en");
        assertThat(hits.get(0).matchedTerms()).containsExactlyInAnyOrder("recycled", "batteries");
    }

    @Test
    void a_more_specific_profile_is_more_relevant() {
        index.put(List.of(providerOf("p-broad", provider("Broad").summary("materials, coatings and energy")),
                providerOf("p-focused", provider("Focused").summary("hydrogen fuel cell stack durability, fuel cell"
                        + " membranes"))));

        var hits = index.search(SearchTexts.of("fuel cell stack durability"), List.of(), List.of(), 10);

        assertThat(hits.get(0).providerId()).isEqualTo("p-focused");
    }

    @Test
    void a_long_demand_is_searched_with_its_rarest_words_so_a_provider_sharing_only_common_ones_is_not_found() {
        String common = words("common", 20);
        String rare = words("rare", DemandQuery.MAX_QUERY_TERMS);
        List<Provider> providers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            providers.add(providerOf("p-common-" + i, provider("Common " + i).summary(common)));
        }
        providers.add(providerOf("p-rare", provider("Rare").summary(rare)));
        index.put(providers);

        var hits = index.search(SearchTexts.of(common + " " + rare), List.of(), List.of(), 30);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-rare");
    }

    /** {@code count} distinct words no stemmer folds together: common0x, common1x, ... */
    private static String words(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(prefix).append(i).append("x ");
        }
        return text.toString().trim();
    }

    @Test
    void a_provider_sharing_only_a_field_is_found_with_no_relevance() {
        index.put(List.of(providerOf("p-field", provider("Field only").fields("ENERGY.HYDROGEN")
                .summary("unrelated words"))));

        var hits = index.search(SearchTexts.of("electrolyser"), List.of("ENERGY.HYDROGEN"), List.of(), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-field");
        assertThat(hits.get(0).relevance()).isZero();
    }

    @Test
    void a_demand_naming_an_area_finds_the_providers_of_its_leaves_and_a_provider_naming_an_area_is_found_by_them() {
        index.put(List.of(
                providerOf("p-leaf", provider("Leaf").fields("MATERIALS.CHEMICAL").summary("unrelated words")),
                providerOf("p-area", provider("Area").fields("MATERIALS").summary("unrelated words")),
                providerOf("p-other", provider("Other").fields("CHEMICALS.FINE_CHEMICALS").summary("other words"))));

        assertThat(index.search(SearchTexts.of("electrolyser"), List.of("MATERIALS"), List.of(), 10))
                .extracting(ProviderIndex.TextHit::providerId).containsExactlyInAnyOrder("p-leaf", "p-area");
        assertThat(index.search(SearchTexts.of("electrolyser"), List.of("MATERIALS.OPTOELECTRONIC_GLASS"), List.of(),
                10))
                .extracting(ProviderIndex.TextHit::providerId).containsExactlyInAnyOrder("p-leaf", "p-area");
    }

    @Test
    void a_changed_profile_replaces_the_old_one_at_once() {
        index.put(List.of(providerOf("p-1", provider("Changing").summary("photovoltaic glass"))));

        index.put(List.of(providerOf("p-1", provider("Changing").summary("radiopharmaceutical isotopes"))));

        assertThat(index.search(SearchTexts.of("photovoltaic"), List.of(), List.of(), 10)).isEmpty();
        assertThat(index.search(SearchTexts.of("isotopes"), List.of(), List.of(), 10)).hasSize(1);
        assertThat(index.size()).isOne();
    }

    @Test
    void an_unavailable_provider_is_not_a_candidate() {
        index.put(List.of(providerOf("p-away", provider("Away").summary("fusion plasma")
                .availability(Availability.ON_LEAVE))));

        assertThat(index.search(SearchTexts.of("fusion plasma"), List.of(), List.of(), 10)).isEmpty();
    }

    @Test
    void only_providers_offering_a_wanted_cooperation_mode_are_candidates() {
        index.put(List.of(providerOf("p-testing", provider("Testing lab").summary("emc testing")
                        .services(CooperationMode.INSPECTION_AND_TESTING)),
                providerOf("p-consulting", provider("Consultant").summary("emc testing")
                        .services(CooperationMode.TECHNICAL_CONSULTING))));

        var hits = index.search(SearchTexts.of("emc testing"), List.of(),
                List.of(CooperationMode.INSPECTION_AND_TESTING), 10);

        assertThat(hits).extracting(ProviderIndex.TextHit::providerId).containsExactly("p-testing");
    }

    private static Provider providerOf(String id, Profiles.ProviderBuilder profile) {
        return new Provider(id, profile.build(), true, 1);
    }
}
