package cn.innovationchina.demand.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pilot cities as the platform administrator would send them; each is a fresh mutable map a test may adjust. */
final class Cities {

    private Cities() {
    }

    /** Changsha, Hunan (division 430100), of the second batch: it reviews demands, changsha-admin administers it. */
    static Map<String, Object> changsha() {
        return city("CHANGSHA", "长沙", "Changsha", "430100", true, "changsha-admin");
    }

    /** A city of a code no other test uses, in Yueyang, Hunan; its administrator's user name is unique too. */
    static Map<String, Object> another(boolean reviewRequired) {
        String code = "PARK_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return city(code, "岳阳园区", "Yueyang park", "430600", reviewRequired, "admin-" + code.toLowerCase());
    }

    static Map<String, Object> city(String code, String nameZh, String nameEn, String divisionCode,
            boolean reviewRequired, String administrator) {
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("code", code);
        city.put("nameZh", nameZh);
        city.put("nameEn", nameEn);
        city.put("divisionCode", divisionCode);
        city.put("batch", 2);
        city.put("reviewRequired", reviewRequired);
        city.put("administrators", List.of(administrator));
        return city;
    }

    static Map<String, Object> with(Map<String, Object> city, String property, Object value) {
        city.put(property, value);
        return city;
    }
}
