package storefront.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import storefront.cart.CartApi.PriceSummary;
import storefront.cart.Totals;
import storefront.order.OrderApi.ShippingAddress;

/** An order as stored, with its lines. */
public record StoredOrder(UUID id, String number, byte[] accessTokenHash, String region, String currency,
                          String customerId, String email, ShippingAddress address, OrderStatus status,
                          String taxMode, int taxRateBps, long subtotal, long shipping, long tax, long total,
                          long refunded, String provider, String paymentIntentId, String paymentError,
                          Instant createdAt, Instant paidAt, Instant reservedUntil, List<LineItem> lines,
                          NewOrder.Delivery delivery, OrderApi.Pickup pickup,
                          List<OrderApi.Fulfilment> fulfilments, OrderApi.Cancellation cancellation,
                          Instant returnBy, List<OrderApi.Return> returns,
                          List<OrderApi.Refund> refunds) {

    public PriceSummary totals() {
        return PriceSummary.of(new Totals.Amounts(subtotal, shipping, tax, taxRateBps, "INCLUSIVE".equals(taxMode),
                total), currency);
    }

    public OrderStateMachine.State paymentState() {
        return new OrderStateMachine.State(status, total, currency, refunded);
    }
}
