package storefront.common;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one row that {@link Statements} answered, column after column in the
 * order the statement selects them. Arrays and objects arrive as JSON text.
 */
public final class Columns {

    private final Object[] values;
    private int next;

    private Columns(Object[] values) {
        this.values = values;
    }

    public static Columns of(Object[] row) {
        return new Columns(row);
    }

    private Object take() {
        return values[next++];
    }

    public String text() {
        return (String) take();
    }

    /** A boolean, or null for SQL null. */
    public Boolean bool() {
        return (Boolean) take();
    }

    public Long int8() {
        Object value = take();
        return value == null ? null : ((Number) value).longValue();
    }

    public Integer int4() {
        Object value = take();
        return value == null ? null : ((Number) value).intValue();
    }

    public Instant instant() {
        Object value = take();
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    /** A JSON array of strings; SQL null reads as empty. */
    public List<String> strings() {
        String text = text();
        return text == null ? new ArrayList<>() : strings(new JsonArray(text));
    }

    /** The strings of a JSON array (one read from a column, or one inside a JSON value). */
    public static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        array.forEach(value -> strings.add((String) value));
        return strings;
    }

    /** A JSON object, or null. */
    public JsonObject object() {
        String text = text();
        return text == null ? null : new JsonObject(text);
    }
}
