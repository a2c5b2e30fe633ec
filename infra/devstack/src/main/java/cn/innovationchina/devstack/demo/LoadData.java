package cn.innovationchina.devstack.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.innovationchina.devstack.demo.DemoData.Demand;
import cn.innovationchina.devstack.demo.DemoData.Enterprise;
import cn.innovationchina.reference.PilotCity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo world's material multiplied for the load harness: as many experts as it asks for (as bulk-import lines),
 * enterprises in the pilot cities that publish without review, and an endless run of the world's demands, each with
 * a title of its own. Everything passes the services' rules, so an error under load is the platform's, not the data's.
 */
public final class LoadData {

    /** An enterprise of the load: its organisation id, city and the body that registers it. */
    public record LoadEnterprise(String id, String cityCode, Map<String, Object> registration) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DemoData data = new DemoData();
    private final List<Enterprise> enterprises = new ArrayList<>();
    private final List<LoadEnterprise> loadEnterprises;
    private final List<Demand> publicDemands;

    /** @param enterpriseCount how many enterprises post the load's demands (the gateway limits each one's rate) */
    public LoadData(int enterpriseCount) {
        List<PilotCity> openCities = data.cities().stream().filter(city -> !city.reviewRequired()).toList();
        List<Enterprise> templates = data.enterprises();
        for (int i = 0; i < enterpriseCount; i++) {
            Enterprise template = templates.get(i % templates.size());
            // The template's registration authority and type, then a serial: unique, and valid once checked.
            String creditCode17 = template.creditCode17().substring(0, 13) + "%04d".formatted(i);
            enterprises.add(new Enterprise("ORG-LOAD-%04d".formatted(i), template.name() + " 负载%04d".formatted(i),
                    openCities.get(i % openCities.size()).code(), template.industry(), template.size(), creditCode17,
                    template.contact()));
        }
        loadEnterprises = enterprises.stream().map(e -> new LoadEnterprise(e.id(), e.cityCode(), e.registration()))
                .toList();
        // A confidential demand is shown to verified providers only, and the load's imported ones are not verified.
        publicDemands = data.demands(Integer.MAX_VALUE).stream().filter(d -> d.visibility().equals("PUBLIC")).toList();
    }

    /** Experts 0 to count-1 as JSON lines for {@code POST /providers/imports}, with their ids as external ids. */
    public List<String> providerImportLines(int count) {
        List<String> lines = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            var expert = data.anyExpert(n);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("externalId", expert.id());
            line.putAll(expert.profile());
            lines.add(JSON.writeValueAsString(line));
        }
        return lines;
    }

    public List<LoadEnterprise> enterprises() {
        return loadEnterprises;
    }

    /** Demand {@code n} of the load, posted by enterprise {@code n mod E}: the world's demands in turn. */
    public Map<String, Object> demand(int n, LocalDate today) {
        Enterprise enterprise = enterprises.get(n % enterprises.size());
        Demand demand = publicDemands.get(n % publicDemands.size());
        return DemoData.demandBody(demand, enterprise, demand.title() + "（第" + (n + 1) + "号）", today);
    }

    public LoadEnterprise enterpriseOf(int n) {
        return loadEnterprises.get(n % loadEnterprises.size());
    }
}
