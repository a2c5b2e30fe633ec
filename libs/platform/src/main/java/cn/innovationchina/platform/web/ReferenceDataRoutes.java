package cn.innovationchina.platform.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.TechnologyField;

/**
 * The shared reference data, read-only and public: {@code GET /reference/fields} (the taxonomy as a tree, with
 * Chinese and English names and keywords) and {@code GET /reference/cities} (pilot cities and regions).
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
                .map(area -> Map.of("code", area.code(), "nameZh", area.nameZh(), "nameEn", area.nameEn(),
                        "fields", leaves(area)))
                .toList());
        Map<String, Object> registry = Map.of("version", cities.version(), "regions", cities.regions(),
                "cities", cities.cities());
        return route(GET(PATHS[0]), request -> ServerResponse.ok().cacheControl(cache).bodyValue(taxonomy))
                .andRoute(GET(PATHS[1]), request -> ServerResponse.ok().cacheControl(cache).bodyValue(registry));
    }

    private List<Map<String, Object>> leaves(TechnologyField area) {
        return fields.childrenOf(area.code()).stream()
                .map(leaf -> Map.<String, Object>of("code", leaf.code(), "nameZh", leaf.nameZh(),
                        "nameEn", leaf.nameEn(), "keywords", leaf.keywords()))
                .toList();
    }
}
