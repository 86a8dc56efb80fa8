package storefront.events;

import java.util.Optional;

/**
 * The events other systems can subscribe to: {@link #wire()} is the CloudEvents
 * {@code type}, {@link #dataSchema()} the contract's schema of its {@code data}.
 */
public enum EventType {
    ORDER_CREATED("storefront.order.created", "OrderEventData", "order/{number}",
            "An order was placed (checkout); it waits for its payment."),
    ORDER_PAID("storefront.order.paid", "OrderEventData", "order/{number}", "An order's payment succeeded."),
    ORDER_PAYMENT_FAILED("storefront.order.payment_failed", "OrderEventData", "order/{number}",
            "A payment attempt failed (data.paymentError says why); the order stays payable."),
    ORDER_EXPIRED("storefront.order.expired", "OrderEventData", "order/{number}",
            "Not paid before its stock reservation ran out: the stock went back."),
    ORDER_CANCELLED("storefront.order.cancelled", "OrderEventData", "order/{number}",
            "The order was cancelled: before it was paid (its payment was cancelled), or after, by its shopper or "
                    + "ops before any unit left (data.cancelledAt is set, and what was paid is refunded: an "
                    + "order.refunded event follows)."),
    ORDER_REFUNDED("storefront.order.refunded", "OrderEventData", "order/{number}",
            "Part or all of the payment went back: data.status is PARTIALLY_REFUNDED or REFUNDED, "
                    + "data.refundedMinor the total so far."),
    FULFILMENT_ALLOCATED("storefront.fulfilment.allocated", "FulfilmentEventData", "order/{number}",
            "A paid order's units were set aside at a stock location (data.location): one event per "
                    + "fulfilment; an order split across locations has several."),
    FULFILMENT_PACKED("storefront.fulfilment.packed", "FulfilmentEventData", "order/{number}",
            "A fulfilment was packed at its location."),
    FULFILMENT_SHIPPED("storefront.fulfilment.shipped", "FulfilmentEventData", "order/{number}",
            "A fulfilment left with a carrier: data.carrier, data.trackingNumber and data.trackingUrl say how to "
                    + "follow it, data.lines what it carries."),
    FULFILMENT_DELIVERED("storefront.fulfilment.delivered", "FulfilmentEventData", "order/{number}",
            "A shipped fulfilment reached the shopper."),
    FULFILMENT_READY_FOR_PICKUP("storefront.fulfilment.ready_for_pickup", "FulfilmentEventData", "order/{number}",
            "A pickup is waiting at its store for the shopper and the pickup code."),
    FULFILMENT_COLLECTED("storefront.fulfilment.collected", "FulfilmentEventData", "order/{number}",
            "The shopper collected a pickup at the store, against the order's pickup code."),
    FULFILMENT_CANCELLED("storefront.fulfilment.cancelled", "FulfilmentEventData", "order/{number}",
            "A fulfilment was cancelled with its order before it left; its units are free again at its location."),
    FULFILMENT_SPLIT("storefront.fulfilment.split", "FulfilmentEventData", "order/{number}",
            "Part of a fulfilment shipped: the units that stay behind are a new fulfilment (data), at the same "
                    + "location and in the same status. The shipped part keeps its number."),
    RETURN_REQUESTED("storefront.return.requested", "ReturnEventData", "order/{number}",
            "A shopper asked to return delivered units, with a reason, inside the region's return window."),
    RETURN_RECEIVED("storefront.return.received", "ReturnEventData", "order/{number}",
            "A return's parcel was received at a stock location (a warehouse, or the store it was handed in at)."),
    RETURN_REFUNDED("storefront.return.refunded", "ReturnEventData", "order/{number}",
            "A return was inspected and refunded (data.refundMinor); its units were restocked or written off."),
    RETURN_REFUSED("storefront.return.refused", "ReturnEventData", "order/{number}",
            "A return was refused (data.refusal says why); nothing was refunded."),
    STORE_CHANGED("storefront.store.changed", "StoreEventData", "store/{id}",
            "A store was created or changed (its details or its status), by ops or by an import."),
    SELLER_CHANGED("storefront.seller.changed", "Seller", "seller/{id}",
            "A seller was created or changed (its standing, domains or storefronts). A seller of several "
                    + "regions has no region: it reaches every subscription."),
    STOCK_LOW("storefront.stock.low", "StockEventData", "stock/{region}/{sku}",
            "A SKU's available units in a region fell to its low-stock threshold, whatever moved them."),
    STOCK_OUT("storefront.stock.out", "StockEventData", "stock/{region}/{sku}",
            "A SKU has no units left to sell in a region, whatever took them."),
    PRODUCT_AVAILABLE("storefront.product.available", "ProductAvailabilityEventData", "product/{region}/{slug}",
            "A product became available to a region's shoppers: data.previousReasons says what stood in the way "
                    + "until now (a toggle, a sales window that opened at its instant, a missing price or "
                    + "certification)."),
    PRODUCT_UNAVAILABLE("storefront.product.unavailable", "ProductAvailabilityEventData", "product/{region}/{slug}",
            "A product stopped being available to a region's shoppers: data.reasons says why, whatever caused it "
                    + "(a toggle, a sales window that closed at its instant, a price, a certification, retirement)."),
    FLASH_SALE_LIVE("storefront.flash_sale.live", "FlashSaleEventData", "flash-sale/{id}",
            "A flash sale started taking claims, or has units again after claims ran out unused."),
    FLASH_SALE_SOLD_OUT("storefront.flash_sale.sold_out", "FlashSaleEventData", "flash-sale/{id}",
            "Every unit of a live flash sale is claimed (claims that expire unused bring it back: live again)."),
    FLASH_SALE_ENDED("storefront.flash_sale.ended", "FlashSaleEventData", "flash-sale/{id}",
            "A flash sale reached its end; the units nobody bought go back to stock.");

    private final String wire;
    private final String dataSchema;
    private final String subject;
    private final String description;

    EventType(String wire, String dataSchema, String subject, String description) {
        this.wire = wire;
        this.dataSchema = dataSchema;
        this.subject = subject;
        this.description = description;
    }

    public String wire() {
        return wire;
    }

    /** The name of the contract's schema for this event's {@code data}. */
    public String dataSchema() {
        return dataSchema;
    }

    /** The shape of this event's {@code subject}: the events of one subject arrive in order. */
    public String subject() {
        return subject;
    }

    public String description() {
        return description;
    }

    public static Optional<EventType> ofWire(String wire) {
        for (EventType type : values()) {
            if (type.wire.equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
