package cn.innovationchina.demand.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Demand bodies as an enterprise would send them; each is a fresh mutable map a test may adjust. */
final class Drafts {

    private Drafts() {
    }

    /** A hydrogen fuel-cell demand in the given city; its title carries a marker unique to this draft. */
    static Map<String, Object> hydrogenFuelCellStack(String cityCode) {
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", "氢燃料电池电堆寿命提升 Fuel-cell stack lifetime " + marker());
        demand.put("background", "Our 80 kW stacks lose 20% power within 5,000 hours on city buses.");
        demand.put("keyProblems", List.of("membrane degradation under load cycling", "catalyst loss"));
        demand.put("targetOutcomes", "15,000 hours at under 10% power loss");
        demand.put("fieldCodes", List.of("ENERGY.HYDROGEN"));
        demand.put("keywords", List.of("fuel cell", "PEM"));
        demand.put("cooperationModes", List.of("JOINT_RND"));
        demand.put("budget", Map.of("minCny", 500_000, "maxCny", 2_000_000));
        demand.put("deadline", LocalDate.now().plusDays(90).toString());
        demand.put("visibility", "PUBLIC");
        demand.put("industry", "new energy vehicles");
        demand.put("cityCode", cityCode);
        demand.put("contact", Map.of("name", "Li Wei", "phone", "+86 715 000 0000", "email", "li.wei@example.cn"));
        return demand;
    }

    static Map<String, Object> with(Map<String, Object> demand, String property, Object value) {
        demand.put(property, value);
        return demand;
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }
}
