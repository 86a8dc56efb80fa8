package storefront.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import storefront.webhooks.WebhookApi.SubscriptionView;

/**
 * A receiver of events, as ops-admin set it up: where to, which event types and
 * regions (empty: all), active or paused, and the secrets that sign its
 * deliveries (the previous one too, until its overlap ends).
 */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription {

    @Id
    UUID id;

    String url;

    @Convert(converter = StringsText.class)
    @ColumnTransformer(read = "event_types::text", write = "cast(cast(? as text) as jsonb)")
    List<String> eventTypes;

    @Convert(converter = StringsText.class)
    @ColumnTransformer(read = "regions::text", write = "cast(cast(? as text) as jsonb)")
    List<String> regions;

    String description;

    boolean active;

    String secret;

    String previousSecret;

    Instant previousUntil;

    Instant createdAt;

    @Version
    long version;

    SubscriptionView view(Instant now) {
        return new SubscriptionView(id, url, List.copyOf(eventTypes), List.copyOf(regions), description, active,
                createdAt, previousUntil != null && previousUntil.isAfter(now) ? previousUntil : null);
    }

    /** Makes {@code fresh} the secret; the current one keeps signing until {@code until}. */
    void rotate(String fresh, Instant until) {
        previousSecret = secret;
        previousUntil = until;
        secret = fresh;
    }

    /** A list of strings as the JSON text of its column. */
    static class StringsText implements AttributeConverter<List<String>, String> {

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
}
