package storefront.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A body Jackson could not read, as the one field error a client can act on:
 * which member, and what it must be. In the client's terms, never Jackson's.
 */
final class BodyErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private BodyErrors() {
    }

    /** The member at fault and why, or null when the body is not JSON at all. */
    static Problem.FieldError of(JsonProcessingException e) {
        Problem.FieldError duplicate = duplicate(e);
        if (duplicate != null) {
            return duplicate;
        }
        if (e instanceof StrictJson.Refused refused) {
            return new Problem.FieldError(path(refused), refused.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Problem.FieldError(path(mismatch), "must be " + expected(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new Problem.FieldError(path(mapping), "is not valid here");
        }
        return null;
    }

    /**
     * A member given twice: the parser names it; where it is comes from the
     * mapping's path when the parse failed inside a nested value, else from the
     * parser's own context.
     */
    private static Problem.FieldError duplicate(JsonProcessingException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof JsonParseException)) {
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (!(cause instanceof JsonParseException parse) || parse.getOriginalMessage() == null) {
            return null;
        }
        Matcher name = DUPLICATE.matcher(parse.getOriginalMessage());
        if (!name.find()) {
            return null;
        }
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? path(mapping)
                : parse.getProcessor() == null ? "" : path(parse.getProcessor().getParsingContext());
        String member = name.group(1);
        String path = where.equals(member) || where.endsWith("." + member) ? where
                : where.isEmpty() ? member : where + "." + member;
        return new Problem.FieldError(path, "is given more than once");
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "an integer (a number without a fraction or exponent)";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "an ISO 8601 instant with an offset, such as 2026-12-01T08:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    /** Where in the body Jackson stopped, as {@code changes[0].availableFrom}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The member a streaming parser was at, from the outermost object in. */
    private static String path(JsonStreamContext context) {
        ArrayDeque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            steps.push(at.inArray() ? "[" + at.getCurrentIndex() + "]" : String.valueOf(at.getCurrentName()));
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            path.append(path.isEmpty() || step.startsWith("[") ? "" : ".").append(step);
        }
        return path.toString();
    }
}
