package cn.innovationchina.events;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the contract. Tolerant reader: unknown fields are ignored and unknown enum values read
 * as null, so a producer may add to a schema without breaking older consumers.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    /**
     * Reads an envelope whose payload type comes from its {@code type} field.
     *
     * @throws MalformedEventException when the bytes are not an envelope of a known type
     */
    public static EventEnvelope<DomainEvent> read(byte[] json) {
        return readKnown(json).orElseThrow(() -> new MalformedEventException("unknown event type "
                + typeOf(json)));
    }

    /**
     * As {@link #read}, but empty for a well-formed envelope of a type this build does not know yet, which a consumer
     * skips: producers may add types first.
     *
     * @throws MalformedEventException when the bytes are not an envelope at all
     */
    public static Optional<EventEnvelope<DomainEvent>> readKnown(byte[] json) {
        return readKnown(json, typeOf(json));
    }

    /**
     * As {@link #readKnown(byte[])}, for a reader that has already read the envelope's {@link #typeOf type}. The bytes
     * are parsed once, straight into the payload's class: no tree in between, which cost as much again.
     */
    public static Optional<EventEnvelope<DomainEvent>> readKnown(byte[] json, String type) {
        if (type == null) {
            throw new MalformedEventException(withoutType(json));
        }
        var entry = EventCatalog.find(type);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            var envelopeType = MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class,
                    entry.get().payloadType());
            EventEnvelope<DomainEvent> envelope = MAPPER.readValue(json, envelopeType);
            if (envelope.eventId() == null || envelope.aggregateId() == null || envelope.payload() == null) {
                throw new MalformedEventException("envelope without eventId, aggregateId or payload");
            }
            return Optional.of(envelope);
        } catch (JacksonException e) {
            throw new MalformedEventException(e.getOriginalMessage());
        }
    }

    /** Why bytes whose type could not be read are no envelope: not JSON at all, or no type in them. */
    private static String withoutType(byte[] json) {
        try {
            MAPPER.readTree(json);
            return "no event type";
        } catch (JacksonException e) {
            return e.getOriginalMessage();
        }
    }

    /**
     * The {@code type} field of an envelope, or null when the bytes are not one with a type. Read up to that field
     * and no further (it comes second, after the event id): a consumer learns whether it handles an event before it
     * parses the whole of it.
     */
    public static String typeOf(byte[] json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parser.getString() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
