package cn.innovationchina.platform.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.TechnologyField;

/**
 * The shared reference data, read-only and public: {@code GET /reference/fields} (the taxonomy as a tree of areas
 * and their leaves, each with Chinese and English names, its synonyms as zh/en pairs and as plain keywords, and
 * its GB/T 4754-2017 divisions and 2018 strategic emerging industry categories) and {@code GET /reference/cities}
 * (pilot cities and regions).
 */
public class ReferenceDataRoutes {

    public static final String[] PATHS = {"/reference/fields", "/reference/cities"};

    private final FieldTaxonomy fields;
    private final PilotCities cities;

    public ReferenceDataRoutes(FieldTaxonomy fields, PilotCities cities) {
        this.fields = fields;
        this.cities = cities;
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
        return route(GET(PATHS[0]), request -> ServerResponse.ok().cacheControl(cache).bodyValue(taxonomy))
                .andRoute(GET(PATHS[1]), request -> ServerResponse.ok().cacheControl(cache).bodyValue(registry));
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
