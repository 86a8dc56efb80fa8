package storefront.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import storefront.common.JsonList;

/** A product's specification groups and attributes, as the JSON text of their jsonb columns. */
final class Specifications {

    /** A group of the table (battery, display), with its labels per locale. */
    record Group(String code, Map<String, String> labels) {
    }

    /**
     * One attribute, of the product ({@code sku} null) or of one SKU: a NUMBER
     * (with its unit), a BOOLEAN, a TEXT per locale, or a LIST of terms.
     */
    record Attribute(String code, String group, String sku, Map<String, String> labels, String type,
                     BigDecimal number, String unit, Boolean flag, Map<String, String> text, List<String> items) {
    }

    private Specifications() {
    }

    static class Groups extends JsonList<Group> {
        Groups() {
            super(new TypeReference<>() {
            });
        }
    }

    static class Attributes extends JsonList<Attribute> {
        Attributes() {
            super(new TypeReference<>() {
            });
        }
    }
}
