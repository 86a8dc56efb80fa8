package storefront.fulfilment;

/** Where a shopper's return stands. */
public enum ReturnStatus {
    /** Asked for by the shopper; the parcel is on its way (or to be handed in at a store). */
    REQUESTED,
    /** Received at a stock location, to be inspected. */
    RECEIVED,
    /** Inspected: refunded (in full or part) and each unit restocked or written off. */
    REFUNDED,
    /** Refused, with a reason. */
    REFUSED
}
