package cn.innovationchina.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");

    /** Version 1 as it shipped: stored demands, profiles and events carry its codes, so none may go. */
    private record V1Field(String code, String nameZh, String nameEn, List<V1Field> children) {
    }

    private record V1(List<V1Field> fields) {
    }

    private final FieldTaxonomy fields = FieldTaxonomy.standard();
    private final PilotCities cities = PilotCities.standard();

    @Test
    void version_two_keeps_every_code_and_name_of_version_one() {
        var v1 = ReferenceFiles.read("reference/technology-fields.v1.json", V1.class).fields().stream()
                .flatMap(area -> Stream.concat(Stream.of(area), area.children().stream())).toList();
        assertThat(v1).hasSize(49);

        assertThat(fields.version()).isEqualTo(2);
        assertThat(v1).allSatisfy(old -> assertThat(fields.find(old.code())).as(old.code()).get()
                .matches(field -> field.nameZh().equals(old.nameZh()) && field.nameEn().equals(old.nameEn())));
        var hydrogen = fields.find("ENERGY.HYDROGEN").orElseThrow();
        assertThat(hydrogen.nameZh()).isEqualTo("氢能");
        assertThat(hydrogen.nameEn()).isEqualTo("Hydrogen energy");
        assertThat(hydrogen.keywords()).contains("燃料电池", "fuel cell", "PEMFC");
    }

    @Test
    void the_taxonomy_covers_the_economy_beyond_the_emerging_industries() {
        assertThat(fields.areas()).hasSizeBetween(18, 24);
        assertThat(fields.leaves()).hasSizeBetween(100, 120);
        assertThat(fields.areas()).extracting(TechnologyField::code).contains("AGRI", "FOOD", "TEXTILES",
                "LIGHT_INDUSTRY", "MARINE", "EARTH", "CULTURE", "CHEMICALS", "METALLURGY", "CONSTRUCTION",
                "TRANSPORT", "MODERN_SERVICES");
        assertThat(fields.leaves()).extracting(TechnologyField::code).contains("AGRI.TEA",
                "AGRI.AQUACULTURE_FISHERIES", "TEXTILES.FOOTWEAR_LEATHER", "LIGHT_INDUSTRY.HOUSEHOLD_APPLIANCES",
                "MARINE.ENGINEERING_EQUIPMENT", "EARTH.GEOLOGY_EXPLORATION", "CULTURE.INDUSTRIAL_DESIGN");
        assertThat(fields.areas()).allSatisfy(area -> assertThat(fields.childrenOf(area.code())).hasSizeGreaterThan(1));
    }

    @Test
    void codes_are_unique_upper_snake_case_and_every_leaf_sits_under_its_area() {
        assertThat(fields.all()).extracting(TechnologyField::code).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?"));
        assertThat(fields.leaves()).allSatisfy(leaf -> {
            assertThat(fields.find(leaf.parentCode())).get().matches(area -> !area.isLeaf());
            assertThat(leaf.code()).startsWith(leaf.parentCode() + ".");
        });
    }

    @Test
    void every_field_has_names_and_paired_synonyms_in_both_scripts() {
        assertThat(fields.all()).allSatisfy(field -> {
            assertThat(field.nameZh()).containsPattern(HAN);
            assertThat(field.nameEn()).containsPattern(LATIN).doesNotContainPattern(HAN);
            assertThat(field.synonyms()).hasSizeGreaterThanOrEqualTo(field.isLeaf() ? 5 : 3).allSatisfy(synonym -> {
                assertThat(synonym.zh()).as(field.code()).containsPattern(HAN);
                assertThat(synonym.en()).as(field.code()).containsPattern(LATIN).doesNotContainPattern(HAN);
            });
        });
        assertThat(fields.find("AGRI.TEA").orElseThrow().synonyms())
                .contains(new TechnologyField.Synonym("茶多酚", "tea polyphenols"));
    }

    @Test
    void every_field_is_mapped_to_national_economy_divisions_and_emerging_industries_where_it_is_one() {
        assertThat(fields.all()).allSatisfy(field -> assertThat(field.gbt4754()).as(field.code()).isNotEmpty()
                .allMatch(division -> division.matches("\\d{2}") && Integer.parseInt(division) >= 1
                        && Integer.parseInt(division) <= 97));
        assertThat(fields.all()).allSatisfy(field -> assertThat(field.sei2018()).as(field.code())
                .allMatch(category -> category.matches("[1-9]")));
        assertThat(fields.find("AGRI.TEA").orElseThrow().gbt4754()).containsExactly("01", "15");
        assertThat(fields.find("LIFE.PHARMA").orElseThrow().sei2018()).containsExactly("4");
        assertThat(fields.find("AGRI.TEA").orElseThrow().sei2018()).isEmpty();
        assertThat(fields.areas()).allSatisfy(area -> assertThat(area.gbt4754()).containsAll(
                fields.childrenOf(area.code()).stream().flatMap(leaf -> leaf.gbt4754().stream()).toList()));
    }

    @Test
    void demands_and_providers_may_name_an_area_or_a_leaf_but_nothing_else() {
        assertThat(fields.isKnown("ENERGY.HYDROGEN")).isTrue();
        assertThat(fields.isKnown("MATERIALS")).isTrue();
        assertThat(fields.isKnown("ENERGY.PERPETUAL_MOTION")).isFalse();
        assertThat(fields.isLeaf("ENERGY.HYDROGEN")).isTrue();
        assertThat(fields.isLeaf("ENERGY")).isFalse();
        assertThat(fields.areaOf("ENERGY.HYDROGEN")).contains("ENERGY");
        assertThat(fields.areaOf("ENERGY")).contains("ENERGY");
        assertThat(fields.areaOf("ENERGY.PERPETUAL_MOTION")).isEmpty();
    }

    @Test
    void proximity_ranks_the_same_field_then_relatives_in_one_area_then_strangers() {
        assertThat(fields.proximity("ENERGY.HYDROGEN", "ENERGY.HYDROGEN")).isEqualTo(FieldTaxonomy.Proximity.SAME_FIELD);
        assertThat(fields.proximity("MATERIALS", "MATERIALS")).isEqualTo(FieldTaxonomy.Proximity.SAME_FIELD);
        assertThat(fields.proximity("ENERGY.HYDROGEN", "ENERGY.BATTERY")).isEqualTo(FieldTaxonomy.Proximity.SAME_PARENT);
        assertThat(fields.proximity("MATERIALS", "MATERIALS.CHEMICAL")).isEqualTo(FieldTaxonomy.Proximity.SAME_PARENT);
        assertThat(fields.proximity("MATERIALS.CHEMICAL", "MATERIALS")).isEqualTo(FieldTaxonomy.Proximity.SAME_PARENT);
        assertThat(fields.proximity("MATERIALS", "CHEMICALS.FINE_CHEMICALS"))
                .isEqualTo(FieldTaxonomy.Proximity.UNRELATED);
        assertThat(fields.proximity("ENERGY.HYDROGEN", "IT.AI")).isEqualTo(FieldTaxonomy.Proximity.UNRELATED);
        assertThat(fields.proximity("ENERGY.HYDROGEN", "ENERGY.PERPETUAL_MOTION"))
                .isEqualTo(FieldTaxonomy.Proximity.UNRELATED);
    }

    @Test
    void matching_reads_a_leaf_with_the_synonyms_of_its_area() {
        var tea = fields.synonymsWithAncestors("AGRI.TEA");
        assertThat(tea).startsWith(fields.find("AGRI.TEA").orElseThrow().synonyms().get(0))
                .contains(new TechnologyField.Synonym("茶叶加工", "tea processing"),
                        new TechnologyField.Synonym("农业", "agriculture"));
        assertThat(fields.synonymsWithAncestors("AGRI")).isEqualTo(fields.find("AGRI").orElseThrow().synonyms());
        assertThat(fields.synonymsWithAncestors("NOWHERE")).isEmpty();
    }

    @Test
    void the_pilot_cities_of_the_sources_are_registered_with_their_regions() {
        assertThat(cities.cities()).extracting(PilotCity::code)
                .contains("XIANNING", "QUANZHOU", "GUANGZHOU", "CHENGDU", "MIANYANG", "CHONGQING", "PANZHIHUA");
        var xianning = cities.find("XIANNING").orElseThrow();
        assertThat(xianning.nameZh()).isEqualTo("咸宁");
        assertThat(xianning.provinceEn()).isEqualTo("Hubei");
        assertThat(xianning.region()).isEqualTo("YANGTZE_MIDDLE");
        assertThat(cities.relation("CHENGDU", "CHONGQING")).isEqualTo(PilotCities.Relation.SAME_REGION);
        assertThat(cities.relation("TIANFU", "CHENGDU")).as("Tianfu New Area lies in Chengdu")
                .isEqualTo(PilotCities.Relation.SAME_CITY);
        assertThat(cities.relation("XIANNING", "SHENZHEN")).isEqualTo(PilotCities.Relation.CROSS_REGION);
        assertThat(cities.relation("WUHAN", "WUHAN")).isEqualTo(PilotCities.Relation.SAME_CITY);
        assertThat(cities.cities()).anyMatch(PilotCity::reviewRequired).anyMatch(city -> !city.reviewRequired());
    }

    @Test
    void every_pilot_city_names_the_division_it_lies_in_and_its_batch() {
        assertThat(cities.find("XIANNING").orElseThrow().divisionCode()).isEqualTo("421200");
        assertThat(cities.find("TIANFU").orElseThrow().divisionCode()).isEqualTo("510100");
        assertThat(cities.find("JIAXING").orElseThrow().divisionCode()).isEqualTo("330400");
        assertThat(cities.cities()).allSatisfy(city -> {
            assertThat(city.divisionCode()).matches("\\d{6}");
            assertThat(city.batch()).isEqualTo(1);
        });
    }
}
