package storefront.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import storefront.common.JsonList;

/** A product's pictures as the JSON text of its jsonb column (the mapping adds the casts). */
class MediaItems extends JsonList<MediaItems.Item> {

    /** One picture: of the product ({@code sku} null) or of one SKU; alt text per locale. */
    record Item(String sku, String url, int width, int height, Map<String, String> alt) {
    }

    MediaItems() {
        super(new TypeReference<>() {
        });
    }
}
