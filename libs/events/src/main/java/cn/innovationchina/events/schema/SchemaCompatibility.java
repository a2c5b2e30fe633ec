package cn.innovationchina.events.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Decides whether a new schema still reads every event written under the old one, and still gives consumers
 * every field they relied on. Adding an optional field or an enum value is compatible; removing or renaming a
 * field, changing its type or format, making it required, adding a required field, or removing an enum value
 * is not.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** The incompatibilities, each naming the JSON path at fault; empty when {@code next} is compatible. */
    public static List<String> violations(JsonNode previous, JsonNode next) {
        List<String> violations = new ArrayList<>();
        compare("$", previous, next, violations);
        return violations;
    }

    private static void compare(String path, JsonNode previous, JsonNode next, List<String> violations) {
        String previousType = previous.path("type").asString("");
        String nextType = next.path("type").asString("");
        if (!previousType.equals(nextType)) {
            violations.add(path + ": type changed from " + previousType + " to " + nextType);
            return;
        }
        String previousFormat = previous.path("format").asString("");
        String nextFormat = next.path("format").asString("");
        if (!previousFormat.equals(nextFormat)) {
            violations.add(path + ": format changed from '" + previousFormat + "' to '" + nextFormat + "'");
        }
        if (previous.has("const") && !previous.get("const").equals(next.get("const"))) {
            violations.add(path + ": constant changed from " + previous.get("const") + " to " + next.get("const"));
        }
        if (previous.has("enum") && next.has("enum")) {
            Set<String> nextValues = strings(next.get("enum"));
            for (String value : strings(previous.get("enum"))) {
                if (!nextValues.contains(value)) {
                    violations.add(path + ": enum value " + value + " removed");
                }
            }
        }
        switch (previousType) {
            case "object" -> compareObjects(path, previous, next, violations);
            case "array" -> compare(path + "[]", previous.path("items"), next.path("items"), violations);
            default -> {
            }
        }
    }

    private static void compareObjects(String path, JsonNode previous, JsonNode next, List<String> violations) {
        JsonNode previousProperties = previous.path("properties");
        JsonNode nextProperties = next.path("properties");
        Set<String> previousRequired = strings(previous.path("required"));
        Set<String> nextRequired = strings(next.path("required"));
        for (String name : previousProperties.propertyNames()) {
            String fieldPath = path + "." + name;
            if (!nextProperties.has(name)) {
                violations.add(fieldPath + ": field removed or renamed");
                continue;
            }
            if (!previousRequired.contains(name) && nextRequired.contains(name)) {
                violations.add(fieldPath + ": optional field made required");
            }
            compare(fieldPath, previousProperties.get(name), nextProperties.get(name), violations);
        }
        for (String name : nextProperties.propertyNames()) {
            if (!previousProperties.has(name) && nextRequired.contains(name)) {
                violations.add(path + "." + name + ": new field is required (events already written lack it)");
            }
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
