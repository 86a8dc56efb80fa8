package storefront.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.List;
import java.util.Map;

/** A product's pictures as the JSON text of its jsonb column (the mapping adds the casts). */
class MediaItems implements AttributeConverter<List<MediaItems.Item>, String> {

    /** One picture: of the product ({@code sku} null) or of one SKU; alt text per locale. */
    record Item(String sku, String url, int width, int height, Map<String, String> alt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Item> items) {
        try {
            return JSON.writeValueAsString(items == null ? List.of() : items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Item> convertToEntityAttribute(String text) {
        try {
            return text == null ? List.of() : List.copyOf(JSON.readValue(text, ITEMS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The column holds no list of pictures: " + text, e);
        }
    }
}
