package storefront.webhooks;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import storefront.common.JsonStrings;
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

    @Convert(converter = JsonStrings.class)
    @ColumnTransformer(read = "event_types::text", write = "cast(cast(? as text) as jsonb)")
    List<String> eventTypes;

    @Convert(converter = JsonStrings.class)
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
}
