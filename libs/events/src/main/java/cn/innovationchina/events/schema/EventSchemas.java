package cn.innovationchina.events.schema;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.TypeVariable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.EventCatalog;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.EventJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the JSON Schema (draft 2020-12) of an event's envelope from its Java record, so the committed schema
 * files can be compared with the code. A component is required unless its type is annotated {@link Nullable}.
 */
public final class EventSchemas {

    private EventSchemas() {
    }

    public static String fileName(EventCatalog.Entry entry) {
        return entry.type() + ".v" + entry.schemaVersion() + ".schema.json";
    }

    public static ObjectNode of(EventCatalog.Entry entry) {
        ObjectNode schema = EventJson.mapper().createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:innovation-china:events:" + entry.type() + ":v" + entry.schemaVersion());
        schema.put("title", entry.type());
        schema.put("description", "Envelope of " + entry.type() + " on topic " + entry.topic());
        ObjectNode envelope = objectSchema(EventEnvelope.class);
        ObjectNode properties = (ObjectNode) envelope.get("properties");
        properties.set("type", EventJson.mapper().createObjectNode().put("type", "string").put("const", entry.type()));
        properties.set("schemaVersion",
                EventJson.mapper().createObjectNode().put("type", "integer").put("const", entry.schemaVersion()));
        properties.set("aggregateType",
                EventJson.mapper().createObjectNode().put("type", "string").put("const", entry.aggregateType()));
        properties.set("payload", objectSchema(entry.payloadType()));
        schema.setAll(envelope);
        return schema;
    }

    private static ObjectNode objectSchema(Class<?> record) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (RecordComponent component : record.getRecordComponents()) {
            AnnotatedType type = component.getAnnotatedType();
            properties.set(component.getName(), schemaOf(type));
            if (!type.isAnnotationPresent(Nullable.class)) {
                required.add(component.getName());
            }
        }
        return node;
    }

    private static ObjectNode schemaOf(AnnotatedType annotated) {
        var mapper = EventJson.mapper();
        if (annotated instanceof AnnotatedParameterizedType parameterized) {
            ObjectNode array = mapper.createObjectNode().put("type", "array");
            array.set("items", schemaOf(parameterized.getAnnotatedActualTypeArguments()[0]));
            return array;
        }
        if (annotated.getType() instanceof TypeVariable<?>) {
            // The envelope's payload: replaced by the payload record's schema in of(entry).
            return mapper.createObjectNode().put("type", "object");
        }
        Class<?> type = (Class<?>) annotated.getType();
        if (type == String.class) {
            return mapper.createObjectNode().put("type", "string");
        }
        if (type == UUID.class) {
            return mapper.createObjectNode().put("type", "string").put("format", "uuid");
        }
        if (type == Instant.class) {
            return mapper.createObjectNode().put("type", "string").put("format", "date-time");
        }
        if (type == LocalDate.class) {
            return mapper.createObjectNode().put("type", "string").put("format", "date");
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return mapper.createObjectNode().put("type", "integer");
        }
        if (type == double.class || type == Double.class) {
            return mapper.createObjectNode().put("type", "number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return mapper.createObjectNode().put("type", "boolean");
        }
        if (type.isEnum()) {
            ObjectNode node = mapper.createObjectNode().put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return node;
        }
        if (type.isRecord()) {
            return objectSchema(type);
        }
        throw new IllegalArgumentException("No schema mapping for " + type);
    }
}
