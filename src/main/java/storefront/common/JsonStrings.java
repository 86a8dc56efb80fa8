package storefront.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.List;

/**
 * A list of strings as the JSON text of a jsonb column, for entities; the
 * column's mapping adds the casts ({@code @ColumnTransformer(read = "col::text",
 * write = "cast(cast(? as text) as jsonb)")}).
 */
public class JsonStrings implements AttributeConverter<List<String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> strings) {
        try {
            return JSON.writeValueAsString(strings == null ? List.of() : strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String text) {
        try {
            return text == null ? List.of() : List.copyOf(JSON.readValue(text, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The column holds no list of strings: " + text, e);
        }
    }
}
