package storefront.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.List;
import java.util.Map;

/** A product's option types as the JSON text of its jsonb column (the mapping adds the casts). */
class OptionTypes implements AttributeConverter<List<OptionTypes.Option>, String> {

    /** An option type (colour, capacity) with its labels per locale and its values in display order. */
    record Option(String code, Map<String, String> labels, List<Value> values) {
    }

    /** One value: the code SKUs name, and its labels per locale. */
    record Value(String code, Map<String, String> labels) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Option>> OPTIONS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Option> options) {
        try {
            return JSON.writeValueAsString(options == null ? List.of() : options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Option> convertToEntityAttribute(String text) {
        try {
            return text == null ? List.of() : List.copyOf(JSON.readValue(text, OPTIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The column holds no option types: " + text, e);
        }
    }
}
