package storefront.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Webhook subscriptions as ops-admin keep them. */
@ApplicationScoped
@WithSession
class WebhookRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {
}
