package cn.innovationchina.expert.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as a client writes them (plain JSON maps, so a test can also write them wrong). */
final class Profiles {

    static final String EMAIL = "zhang.wei@whut.example.cn";
    static final String PHONE = "+86 27 8765 4321";

    private Profiles() {
    }

    /** A complete hydrogen fuel-cell expert in Wuhan, in Chinese as experts write. */
    static Map<String, Object> hydrogenExpert() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", "张伟");
        profile.put("kind", "EXPERT");
        profile.put("affiliation", "武汉理工大学");
        profile.put("title", "教授");
        profile.put("fieldCodes", List.of("ENERGY.HYDROGEN"));
        profile.put("skills", List.of("燃料电池", "质子交换膜"));
        profile.put("keywords", List.of("hydrogen", "fuel cell"));
        profile.put("summary", "长期从事质子交换膜燃料电池电堆设计与测试，主持多项国家重点研发计划项目，"
                + "可为企业提供电堆选型、寿命测试与中试放大方面的技术咨询和联合研发服务。");
        profile.put("achievements", List.of(Map.of("kind", "PATENT", "title", "一种燃料电池双极板",
                "reference", "CN112345678A", "year", 2021)));
        profile.put("services", List.of("JOINT_RND", "TECHNICAL_CONSULTING"));
        profile.put("cityCode", "WUHAN");
        profile.put("regionsServed", List.of("YANGTZE_MIDDLE"));
        profile.put("languages", List.of("zh", "en"));
        profile.put("capacity", 3);
        profile.put("conflictCreditCodes", List.of("91420100MA4K2N3P7Q"));
        profile.put("email", EMAIL);
        profile.put("phone", PHONE);
        return profile;
    }

    /** A scientific society leading an expert service group in Xianning. */
    static Map<String, Object> society() {
        Map<String, Object> profile = hydrogenExpert();
        profile.put("name", "中国通信学会");
        profile.put("kind", "SOCIETY");
        profile.put("affiliation", "中国通信学会");
        profile.put("affiliationCreditCode", "51100000500000476K");
        profile.remove("title");
        profile.put("fieldCodes", List.of("IT.COMMUNICATIONS"));
        profile.put("cityCode", "XIANNING");
        profile.put("capacity", 20);
        return profile;
    }

    /** The same expert where a provider of the CAST network may be: any division of China, no pilot city. */
    static Map<String, Object> locatedIn(Map<String, Object> profile, String divisionCode) {
        Map<String, Object> changed = with(profile, "divisionCode", divisionCode);
        changed.remove("cityCode");
        return changed;
    }

    static Map<String, Object> with(Map<String, Object> profile, String property, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(profile);
        changed.put(property, value);
        return changed;
    }
}
