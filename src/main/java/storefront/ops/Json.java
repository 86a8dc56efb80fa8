package storefront.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import storefront.common.ETags;

/** The application's JSON mapping, as the ops API stores states in the audit log and tags them with ETags. */
@Singleton
class Json {

    private final ObjectMapper mapper;

    Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String text(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON", e);
        }
    }

    /** The strong ETag of a state: a digest of its JSON, so equal states have equal tags. */
    String etag(Object state) {
        try {
            return ETags.of(mapper.writeValueAsBytes(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + state.getClass().getSimpleName(), e);
        }
    }
}
