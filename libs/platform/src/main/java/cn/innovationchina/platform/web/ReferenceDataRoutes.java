package cn.innovationchina.platform.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.TechnologyField;

/**
 * The shared reference data, read-only and public: {@code GET /reference/fields} (the taxonomy as a tree of areas
 * and their leaves, each with Chinese and English names, its synonyms as zh/en pairs and as plain keywords, and
 * its GB/T 4754-2017 divisions and 2018 strategic emerging industry categories), {@code GET /reference/cities}
 * (pilot cities and regions) and {@code GET /reference/divisions} (the divisions of China by province, the
 * economic zones, and their source).
 */
public class ReferenceDataRoutes {

    public static final String[] PATHS = {"/reference/fields", "/reference/cities", "/reference/divisions"};

    private final FieldTaxonomy fields;
    private final PilotCities cities;
    private final Divisions divisions;

    public ReferenceDataRoutes(FieldTaxonomy fields, PilotCities cities, Divisions divisions) {
        this.fields = fields;
        this.cities = cities;
        this.divisions = divisions;
    }

    public RouterFunction<ServerResponse> routes() {
        var cache = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        Map<String, Object> taxonomy = Map.of("version", fields.version(), "areas", fields.areas().stream()
                .map(area -> {
                    Map<String, Object> node = node(area);
                    node.put("fields", fields.childrenOf(area.code()).stream().map(ReferenceDataRoutes::node).toList());
                    return node;
                })
                .toList());
        Map<String, Object> registry = Map.of("version", cities.version(), "regions", cities.regions(),
                "cities", cities.cities());
        Map<String, Object> places = Map.of("version", divisions.version(), "source", divisions.source(),
                "zones", divisions.zones(), "provinces", provinces());
        return route(GET(PATHS[0]), request -> ServerResponse.ok().cacheControl(cache).bodyValue(taxonomy))
                .andRoute(GET(PATHS[1]), request -> ServerResponse.ok().cacheControl(cache).bodyValue(registry))
                .andRoute(GET(PATHS[2]), request -> ServerResponse.ok().cacheControl(cache).bodyValue(places));
    }

    /** Provinces, each with its divisions: what a picker of province then city needs. */
    private List<Map<String, Object>> provinces() {
        return divisions.provinces().stream()
                .map(province -> Map.<String, Object>of("code", province.code(), "nameZh", province.nameZh(),
                        "nameEn", province.nameEn(), "zone", province.zone(), "divisions", divisions.all().stream()
                                .filter(division -> division.provinceCode().equals(province.code()))
                                .map(division -> Map.of("code", division.code(), "nameZh", division.nameZh(),
                                        "nameEn", division.nameEn(), "level", division.level()))
                                .toList()))
                .toList();
    }

    private static Map<String, Object> node(TechnologyField field) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("code", field.code());
        node.put("nameZh", field.nameZh());
        node.put("nameEn", field.nameEn());
        node.put("keywords", field.keywords());
        node.put("synonyms", field.synonyms());
        node.put("gbt4754", field.gbt4754());
        node.put("sei2018", field.sei2018());
        return node;
    }
}
