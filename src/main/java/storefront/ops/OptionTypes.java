package storefront.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import storefront.common.JsonList;

/** A product's option types as the JSON text of its jsonb column (the mapping adds the casts). */
class OptionTypes extends JsonList<OptionTypes.Option> {

    /** An option type (colour, capacity) with its labels per locale and its values in display order. */
    record Option(String code, Map<String, String> labels, List<Value> values) {
    }

    /** One value: the code SKUs name, and its labels per locale. */
    record Value(String code, Map<String, String> labels) {
    }

    OptionTypes() {
        super(new TypeReference<>() {
        });
    }
}
