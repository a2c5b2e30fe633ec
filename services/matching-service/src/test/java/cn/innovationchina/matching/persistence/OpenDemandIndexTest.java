package cn.innovationchina.matching.persistence;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.matching.Profiles;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.reference.FieldTaxonomy;

/** Reverse matching asks which open demands a provider's profile fits: the index answers, best first. */
class OpenDemandIndexTest {

    private final FieldTaxonomy fields = FieldTaxonomy.standard();
    private final ProviderIndex providers = new ProviderIndex(fields);
    private final OpenDemandIndex openDemands = new OpenDemandIndex(fields, providers);

    @AfterEach
    void close() {
        openDemands.close();
        providers.close();
    }

    @Test
    void an_expert_writing_english_finds_the_chinese_demands_for_his_speciality_and_not_the_others() {
        openDemands.put(List.of(
                open("d-ilmenite", demand("微细粒钛铁矿浮选回收率提升").problems("细粒钛铁矿浮选回收率低", "捕收剂选择性差")
                        .fields("MATERIALS.STRUCTURAL_FUNCTIONAL")),
                open("d-implants", demand("牙种植体表面处理").problems("骨结合速度慢").fields("LIFE.MEDICAL_DEVICES")),
                open("d-battery", demand("Sodium-ion battery cathode cycle life").fields("ENERGY.BATTERY"))));
        var mineralProcessing = expert("p-kunming", provider("Prof. Li").fields("EARTH.MINING")
                .skills("ultrafine ilmenite flotation", "selective flocculation", "hydroxamic acid collectors"));

        assertThat(openDemands.fitting(mineralProcessing, 10)).containsExactly("d-ilmenite");
    }

    @Test
    void a_chinese_profile_finds_an_english_demand_through_its_translations() {
        openDemands.put(List.of(open("d-flotation", demand("Improving ilmenite flotation recovery")
                .fields("MATERIALS.STRUCTURAL_FUNCTIONAL")),
                open("d-vaccine", demand("Cold-chain vaccine storage monitoring").fields("LIFE.MEDICAL_DEVICES"))));
        var professor = expert("p-zh", provider("王教授").fields("EARTH.MINING").summary("长期从事钛铁矿浮选与絮凝研究"));

        assertThat(openDemands.fitting(professor, 10)).containsExactly("d-flotation");
    }

    @Test
    void demands_sharing_more_and_rarer_words_come_first_and_those_sharing_only_a_field_last() {
        openDemands.put(List.of(open("d-field-only", demand("氢能储运安全评估")),
                open("d-stack", demand("Fuel cell stack cost reduction")),
                open("d-membrane", demand("Fuel cell membrane degradation under humidity cycling")),
                open("d-implants", demand("Dental implant surface treatment").fields("LIFE.MEDICAL_DEVICES"))));
        var membranes = expert("p-membrane", provider("Dr. Chen").skills("proton exchange membrane degradation",
                "humidity cycling durability of fuel cells"));

        assertThat(openDemands.fitting(membranes, 10)).containsExactly("d-membrane", "d-stack", "d-field-only");
        assertThat(openDemands.fitting(membranes, 1)).containsExactly("d-membrane");
    }

    @Test
    void an_ended_demand_is_not_found_and_an_older_event_read_again_does_not_bring_it_back() {
        var solidState = demand("Solid-state electrolyte interface").fields("ENERGY.BATTERY");
        openDemands.put(List.of(open("d-ended", solidState)));
        var electrochemist = expert("p-battery", provider("Dr. Wu").fields("ENERGY.BATTERY")
                .skills("solid-state electrolyte interfaces"));
        assertThat(openDemands.fitting(electrochemist, 10)).containsExactly("d-ended");

        openDemands.end("d-ended", 2);
        openDemands.put(List.of(open("d-ended", solidState)));

        assertThat(openDemands.fitting(electrochemist, 10)).isEmpty();
        assertThat(openDemands.size()).isZero();
    }

    @Test
    void a_demand_asking_for_a_cooperation_mode_the_provider_does_not_offer_is_not_found() {
        openDemands.put(List.of(open("d-testing", demand("Salt-spray corrosion testing of coatings")
                .modes(CooperationMode.INSPECTION_AND_TESTING)),
                open("d-consulting", demand("Corrosion of coatings in marine air")
                        .modes(CooperationMode.TECHNICAL_CONSULTING))));
        var consultant = expert("p-corrosion", provider("Dr. Zhao").skills("marine corrosion of coatings")
                .services(CooperationMode.TECHNICAL_CONSULTING));

        assertThat(openDemands.fitting(consultant, 10)).containsExactly("d-consulting");
    }

    private static Demand open(String id, Profiles.DemandBuilder content) {
        return new Demand(id, enterprise("e-" + id, "Enterprise " + id, "91421200MA4XN0001K"), "XIANNING",
                content.build(), true, 1);
    }

    private static Provider expert(String id, Profiles.ProviderBuilder profile) {
        return new Provider(id, profile.build(), true, 1);
    }
}
