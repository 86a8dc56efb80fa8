package storefront.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import storefront.order.OrderApi.ShippingAddress;

/** An order to write: the checkout's snapshot. */
public record NewOrder(UUID id, byte[] accessTokenHash, UUID cartId, String region, String currency,
                       String customerId, String email, ShippingAddress address, String taxMode, int taxRateBps,
                       long subtotal, long shipping, long tax, long total, String provider, List<LineItem> lines,
                       Instant reservedUntil, Delivery delivery, OrderApi.Pickup pickup) {

    /** The delivery method the order was priced with, as it was then (no days for a pickup). */
    public record Delivery(String method, String name, Integer minDays, Integer maxDays) {
    }
}
