package cn.innovationchina.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final FieldTaxonomy fields = FieldTaxonomy.standard();
    private final PilotCities cities = PilotCities.standard();

    @Test
    void the_taxonomy_has_two_levels_about_forty_leaves_and_bilingual_names() {
        assertThat(fields.leaves()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(fields.areas()).extracting(TechnologyField::code)
                .contains("IT", "LIFE", "ENERGY", "MATERIALS", "AEROSPACE", "ECO", "SERVICES");
        assertThat(fields.all()).allSatisfy(field -> assertThat(field.nameZh()).isNotBlank())
                .allSatisfy(field -> assertThat(field.nameEn()).isNotBlank());
        assertThat(fields.leaves()).allSatisfy(leaf -> {
            assertThat(fields.find(leaf.parentCode())).isPresent();
            assertThat(leaf.keywords()).isNotEmpty();
        });
    }

    @Test
    void the_fields_named_by_the_sources_are_there() {
        assertThat(fields.leaves()).extracting(TechnologyField::code).contains("IT.AI", "IT.ELECTRONIC",
                "LIFE.BIOMANUFACTURING", "LIFE.MEDICAL_ISOTOPES", "ENERGY.HYDROGEN", "ENERGY.NEV_ICV",
                "MATERIALS.OPTOELECTRONIC_GLASS", "AEROSPACE.SPACE_SOLAR", "ECO.ENVIRONMENTAL_PROTECTION",
                "SERVICES.INSPECTION_TESTING");
        assertThat(fields.find("ENERGY.HYDROGEN").orElseThrow().keywords()).contains("燃料电池", "fuel cell");
    }

    @Test
    void only_leaves_tag_demands_and_proximity_ranks_siblings_above_strangers() {
        assertThat(fields.isLeaf("ENERGY.HYDROGEN")).isTrue();
        assertThat(fields.isLeaf("ENERGY")).isFalse();
        assertThat(fields.isLeaf("ENERGY.PERPETUAL_MOTION")).isFalse();
        assertThat(fields.proximity("ENERGY.HYDROGEN", "ENERGY.HYDROGEN")).isEqualTo(FieldTaxonomy.Proximity.SAME_FIELD);
        assertThat(fields.proximity("ENERGY.HYDROGEN", "ENERGY.BATTERY")).isEqualTo(FieldTaxonomy.Proximity.SAME_PARENT);
        assertThat(fields.proximity("ENERGY.HYDROGEN", "IT.AI")).isEqualTo(FieldTaxonomy.Proximity.UNRELATED);
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
