package cn.innovationchina.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import cn.innovationchina.platform.domain.SafeText;

/**
 * How request bodies are read, stricter than the JSON the services write: a whole number must be sent as one (not
 * {@code "1"}, not {@code 1.5}), no text may carry characters that hide or disguise what it says ({@link SafeText}),
 * and no field may be sent twice in one object (which of the two a
 * reader takes is the reader's choice, so a check and the code after it could read different values). Every refusal
 * names the field, so no service checks this field by field.
 */
public final class RequestJson {

    private RequestJson() {
    }

    public static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("platform-request-text").addDeserializer(String.class, new CheckedText()))
                .build();
    }

    /** A text value refused for what it contains; the problem names its field and says why. */
    public static final class UnsafeText extends InvalidFormatException {

        UnsafeText(JsonParser parser, String reason, String value) {
            super(parser, reason, value, String.class);
        }
    }

    private static final class CheckedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            String refusal = text == null ? null : SafeText.refusal(text);
            if (refusal != null) {
                throw new UnsafeText(parser, refusal, text);
            }
            return text;
        }
    }
}
