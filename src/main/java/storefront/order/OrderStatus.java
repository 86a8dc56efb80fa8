package storefront.order;

/** Where an order stands. */
public enum OrderStatus {
    /** Placed; waiting for the payment to succeed. A failed attempt leaves it here, payable again. */
    PENDING_PAYMENT,
    PAID,
    /** Paid, and part of the payment given back. */
    PARTIALLY_REFUNDED,
    REFUNDED,
    /** The payment was cancelled before it succeeded. */
    CANCELLED;

    public boolean paid() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
