package storefront.fulfilment;

/** Where a fulfilment stands: a shipment or a pickup, from allocation to the shopper's hands. */
public enum FulfilmentStatus {
    /** Its units are set aside at its location. */
    ALLOCATED,
    PACKED,
    /** With a carrier, tracked. */
    SHIPPED,
    DELIVERED,
    /** At the pickup store, waiting for the shopper and the pickup code. */
    READY_FOR_PICKUP,
    COLLECTED,
    /** Cancelled before it left; its units went back to its location. */
    CANCELLED
}
