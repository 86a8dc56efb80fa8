package storefront.events;

/** The events other systems can subscribe to; {@link #wire()} is the CloudEvents {@code type}. */
public enum EventType {
    /** An order was placed (checkout); it waits for its payment. */
    ORDER_CREATED("storefront.order.created"),
    ORDER_PAID("storefront.order.paid"),
    /** A payment attempt failed; the order stays payable. */
    ORDER_PAYMENT_FAILED("storefront.order.payment_failed"),
    /** Not paid before its stock reservation ran out. */
    ORDER_EXPIRED("storefront.order.expired"),
    ORDER_CANCELLED("storefront.order.cancelled"),
    /** Part or all of the payment went back; {@code data.status} says which. */
    ORDER_REFUNDED("storefront.order.refunded"),
    /** A store was created or changed (its details or its status). */
    STORE_CHANGED("storefront.store.changed"),
    /** A seller was created or changed (its standing, domains or storefronts). */
    SELLER_CHANGED("storefront.seller.changed"),
    /** A SKU's available units in a region fell to its low-stock threshold (emitted by the database). */
    STOCK_LOW("storefront.stock.low"),
    /** A SKU has no units left to sell in a region (emitted by the database). */
    STOCK_OUT("storefront.stock.out");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static java.util.Optional<EventType> ofWire(String wire) {
        for (EventType type : values()) {
            if (type.wire.equals(wire)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
