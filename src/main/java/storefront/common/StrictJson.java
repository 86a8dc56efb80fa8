package storefront.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * How every JSON body is read: exactly as written, or refused. A member given
 * twice, a fraction where an integer goes, a string where a number or a flag
 * goes (or the other way round), a number for an enum or an instant, a null for
 * a primitive, U+0000 or a lone surrogate in any string: each fails the read,
 * and the problem mapping answers 400 {@code MALFORMED_BODY} naming the member.
 * Nothing is coerced, and no string reaches the database mangled.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that these rules win over the defaults other customizers register (java.time's among them). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // Numbers stay numbers, flags stay flags: no string, empty string, fraction or 0/1 stands in for one.
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("storefront-strict-json");
        strict.addDeserializer(String.class, new StrictString());
        strict.addKeyDeserializer(String.class, new StrictKey());
        strict.addDeserializer(Instant.class, new StrictInstant());
        mapper.registerModule(strict);
    }

    /** A value refused by these rules; its message is what the client is told about the member. */
    static final class Refused extends InvalidFormatException {

        Refused(JsonParser parser, String message, Class<?> type) {
            super(parser, message, null, type);
        }
    }

    /** A JSON string and nothing else, refused when PostgreSQL could not store it as written. */
    static final class StrictString extends StdScalarDeserializer<String> {

        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getText();
            String fault = TextRules.fault(value);
            if (fault != null) {
                throw new Refused(parser, fault, String.class);
            }
            return value;
        }
    }

    /** A member name of a map, under the same rule as every string. */
    static final class StrictKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String fault = TextRules.fault(key);
            if (fault != null) {
                throw new Refused(context.getParser(), "a member name " + fault, String.class);
            }
            return key;
        }
    }

    /** An instant is an ISO 8601 string such as 2026-12-01T08:00:00Z; a number of seconds is not taken for one. */
    static final class StrictInstant extends StdScalarDeserializer<Instant> {

        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String value = parser.getText().strip();
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new Refused(parser, "must be an ISO 8601 instant with an offset, such as 2026-12-01T08:00:00Z",
                        Instant.class);
            }
        }
    }
}
