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
    CANCELLED,
    /**
     * Not paid before its stock reservation ran out: the stock went back and the
     * payment was cancelled. A payment that succeeds anyway is refunded if the
     * stock is gone by then (the order then ends REFUNDED), or settles it as PAID.
     */
    EXPIRED;

    public boolean paid() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
