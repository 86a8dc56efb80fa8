package storefront.cart;

import java.time.Instant;
import java.util.UUID;

/** A cart's own row; {@code orderId} once it is checked out. */
public record StoredCart(UUID id, String region, Instant createdAt, Instant updatedAt, UUID orderId) {
}
