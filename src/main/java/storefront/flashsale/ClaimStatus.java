package storefront.flashsale;

/** Where a flash-sale claim stands (flash_claim.status). */
public enum ClaimStatus {
    /** Held for its shopper until it expires. */
    GRANTED,
    /** Bought with an order still waiting for its payment. */
    ORDERED,
    /** Its order is paid. */
    SOLD,
    /** Not checked out in time: its unit went back to the sale's pool. */
    EXPIRED,
    /** Its order was cancelled or expired: its unit went back. */
    RELEASED;

    /** The status of a column value; null for none (an outcome that made no claim). */
    static ClaimStatus of(String column) {
        return column == null ? null : valueOf(column);
    }
}
