package cn.innovationchina.testkit.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes requests for one OpenAPI operation: mostly what its schemas describe, so that a request gets past the first
 * check and reaches the code behind it, with one or two parts broken (a hostile value, a missing required field, a
 * field of another type, an unknown field, a path id no one has).
 */
@SuppressWarnings("unchecked")
final class FuzzedRequests {

    /** One request to send; {@code canary} is in every text it carries. */
    record Fuzzed(String method, String uri, String contentType, Object body, String token, String ifMatch,
            String canary) {

        @Override
        public String toString() {
            String shown = String.valueOf(body);
            return method + " " + uri + (body == null ? "" : " body " + shown.substring(0, Math.min(600,
                    shown.length()))) + (ifMatch == null ? "" : " If-Match " + ifMatch);
        }
    }

    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");

    private final Map<String, Object> openApi;
    private final HostileValues values;
    private final Map<String, String> pathValues;
    private final Map<String, String> queryValues;
    private final List<String> tokens;

    FuzzedRequests(Map<String, Object> openApi, HostileValues values, Map<String, String> pathValues,
            Map<String, String> queryValues, List<String> tokens) {
        this.openApi = openApi;
        this.values = values;
        this.pathValues = pathValues;
        this.queryValues = queryValues;
        this.tokens = tokens;
    }

    Fuzzed next(String method, String path, Map<String, Object> operation, int number) {
        String canary = "fzq" + number + "qzf";
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                List.of());
        String uri = path;
        List<String> query = new ArrayList<>();
        String ifMatch = values.chance(50) ? null : values.pick(List.of("\"1\"", "\"0\"", "*", "W/\"1\"", canary,
                "\"" + values.anyNumber() + "\""));
        for (Map<String, Object> parameter : parameters) {
            String name = (String) parameter.get("name");
            String in = (String) parameter.get("in");
            if ("path".equals(in)) {
                uri = uri.replace("{" + name + "}", Encoding.pathSegment(pathValue(name, canary)));
            } else if ("query".equals(in) && (Boolean.TRUE.equals(parameter.get("required")) || values.chance(60))) {
                Object value = queryValues.containsKey(name) && values.chance(70) ? queryValues.get(name)
                        : valueOf(schema(parameter.get("schema")), canary, 0);
                query.add(Encoding.query(name) + "=" + Encoding.query(String.valueOf(value)));
            }
        }
        if (values.chance(5)) {
            query.add(Encoding.query(values.anyText(canary)) + "=" + Encoding.query(values.anyText(canary)));
        }
        String uriWithQuery = query.isEmpty() ? uri : uri + "?" + String.join("&", query);
        String contentType = null;
        Object body = null;
        if (BODY_METHODS.contains(method)) {
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) operation
                    .getOrDefault("requestBody", Map.of())).getOrDefault("content", Map.of());
            contentType = content.isEmpty() ? "application/json" : values.pick(List.copyOf(content.keySet()));
            Map<String, Object> media = (Map<String, Object>) content.getOrDefault(contentType, Map.of());
            body = contentType.contains("json") && !contentType.contains("jsonl")
                    ? valueOf(schema(media.get("schema")), canary, 0) : lines(canary);
        }
        String token = values.chance(10) ? null : values.pick(tokens);
        return new Fuzzed(method.toUpperCase(Locale.ROOT), uriWithQuery, contentType, body, token, ifMatch,
                canary);
    }

    /**
     * A request that reaches the operation as far as the caller may, with {@code text} in its text query parameter
     * {@code parameterName}: known ids in the path, the given values of the other query parameters it requires (the
     * rest left out, so that no other refusal comes first), no body. What a search, a filter or a report makes of a
     * text no user would type.
     */
    Fuzzed withQueryText(String method, String path, Map<String, Object> operation, String parameterName, String text,
            String token, int number) {
        String canary = "fzs" + number + "qzf";
        String uri = path;
        List<String> query = new ArrayList<>();
        for (Map<String, Object> parameter : parametersOf(operation)) {
            String name = (String) parameter.get("name");
            String in = (String) parameter.get("in");
            if ("path".equals(in)) {
                uri = uri.replace("{" + name + "}", Encoding.pathSegment(pathValues.getOrDefault(name, canary)));
            } else if ("query".equals(in) && name.equals(parameterName)) {
                query.add(Encoding.query(name) + "=" + Encoding.query(canary + text));
            } else if ("query".equals(in) && queryValues.containsKey(name)) {
                query.add(Encoding.query(name) + "=" + Encoding.query(queryValues.get(name)));
            }
        }
        String uriWithQuery = query.isEmpty() ? uri : uri + "?" + String.join("&", query);
        return new Fuzzed(method.toUpperCase(Locale.ROOT), uriWithQuery, null, null, token, null, canary);
    }

    /** The operation's query parameters that take free text (a string that is no enum, date or number). */
    List<String> queryTextParameters(Map<String, Object> operation) {
        return parametersOf(operation).stream()
                .filter(parameter -> "query".equals(parameter.get("in")) && takesText(schema(parameter.get("schema"))))
                .map(parameter -> (String) parameter.get("name"))
                .toList();
    }

    private static List<Map<String, Object>> parametersOf(Map<String, Object> operation) {
        return (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
    }

    private static boolean takesText(Map<String, Object> schema) {
        return "string".equals(schema.get("type")) && !schema.containsKey("enum") && !schema.containsKey("format");
    }

    /** A known object's id most of the time (to reach the code behind the lookup), else anything. */
    private String pathValue(String name, String canary) {
        String known = pathValues.get(name);
        if (known != null && values.chance(70)) {
            return known;
        }
        return values.chance(50) ? values.plausibleText(canary).replace(' ', '-') : values.anyText(canary);
    }

    /** Text bodies (CSV, JSON lines): a few lines of fields, some hostile. */
    private String lines(String canary) {
        StringBuilder text = new StringBuilder();
        int lines = values.below(4);
        for (int i = 0; i < lines; i++) {
            text.append(values.chance(50) ? values.plausibleText(canary) : values.anyText(canary))
                    .append(values.chance(50) ? "," : "{\"name\":").append(values.anyText(canary)).append('\n');
        }
        return text.toString();
    }

    private Map<String, Object> schema(Object schema) {
        if (!(schema instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, Object> resolved = (Map<String, Object>) map;
        Object ref = resolved.get("$ref");
        if (ref instanceof String name) {
            Map<String, Object> components = (Map<String, Object>) openApi.getOrDefault("components", Map.of());
            Map<String, Object> schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
            return schema(schemas.get(name.substring(name.lastIndexOf('/') + 1)));
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (resolved.get(combined) instanceof List<?> parts && !parts.isEmpty()) {
                return schema(parts.get(values.below(parts.size())));
            }
        }
        return resolved;
    }

    /** A value for the schema: a valid one (70%), one of another type or hostile (30%). */
    private Object valueOf(Map<String, Object> schema, String canary, int depth) {
        if (values.chance(8)) {
            return values.anyJson(canary);
        }
        Object type = schema.get("type");
        if (schema.get("enum") instanceof List<?> choices && !choices.isEmpty()) {
            return values.chance(85) ? choices.get(values.below(choices.size())) : values.anyText(canary);
        }
        if ("object".equals(type) || schema.containsKey("properties")) {
            return depth > 4 ? Map.of() : objectOf(schema, canary, depth);
        }
        if ("array".equals(type)) {
            int size = values.chance(5) ? 300 : values.below(4);
            List<Object> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(valueOf(schema(schema.get("items")), canary, depth + 1));
            }
            return items;
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return values.chance(70) ? (Object) (long) values.below(1000) : values.anyNumber();
        }
        if ("boolean".equals(type)) {
            return values.chance(90) ? (Object) values.chance(50) : values.anyJson(canary);
        }
        if ("date".equals(schema.get("format"))) {
            if (values.chance(80)) {
                return LocalDate.of(2026, 1, 1).plusDays(values.below(800)).toString();
            }
            return values.chance(50) ? values.pick(HostileValues.HOSTILE_DATES) : values.anyText(canary);
        }
        return values.chance(60) ? values.plausibleText(canary) : values.anyText(canary);
    }

    private Map<String, Object> objectOf(Map<String, Object> schema, String canary, int depth) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        Map<String, Object> object = new LinkedHashMap<>();
        properties.forEach((name, property) -> {
            boolean mustHave = required.contains(name);
            if (mustHave ? values.chance(95) : values.chance(60)) {
                object.put(name, valueOf(schema(property), canary, depth + 1));
            }
        });
        if (values.chance(5)) {
            object.put(values.pick(List.of("id", "version", "status", "ownerId", "$where", canary)),
                    values.anyJson(canary));
        }
        return object;
    }
}
