package storefront.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

/** The application's JSON mapping, for what is stored as JSON (audit states, replayable responses) and for ETags of states. */
@Singleton
public class Json {

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String text(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not a " + type.getSimpleName(), e);
        }
    }

    /** The strong ETag of a state: a digest of its JSON, so equal states have equal tags. */
    public String etag(Object state) {
        try {
            return ETags.of(mapper.writeValueAsBytes(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + state.getClass().getSimpleName(), e);
        }
    }
}
