package storefront.fulfilment;

/** How a fulfilment reaches the shopper. */
public enum FulfilmentKind {
    /** With a carrier, to the order's address. */
    SHIPMENT,
    /** Handed over at the order's pickup store against its pickup code. */
    PICKUP
}
