package storefront.common;

import com.fasterxml.jackson.core.type.TypeReference;

/** A list of strings as the JSON text of a jsonb column, for entities (see {@link JsonList}). */
public class JsonStrings extends JsonList<String> {

    public JsonStrings() {
        super(new TypeReference<>() {
        });
    }
}
