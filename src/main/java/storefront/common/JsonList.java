package storefront.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.List;

/**
 * A list as the JSON text of a jsonb column, for entities; the column's
 * mapping adds the casts ({@code @ColumnTransformer(read = "col::text",
 * write = "cast(cast(? as text) as jsonb)")}). A subclass names the element type.
 */
public abstract class JsonList<T> implements AttributeConverter<List<T>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TypeReference<List<T>> type;

    protected JsonList(TypeReference<List<T>> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(List<T> items) {
        try {
            return JSON.writeValueAsString(items == null ? List.of() : items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<T> convertToEntityAttribute(String text) {
        try {
            return text == null ? List.of() : List.copyOf(JSON.readValue(text, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The column holds no " + type.getType() + ": " + text, e);
        }
    }
}
