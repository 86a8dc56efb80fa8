package storefront.availability;

/** Why a product or SKU cannot be sold in a region. Stable: clients switch on these. */
public enum ReasonCode {
    /** The product was retired: kept for history, sold nowhere. */
    PRODUCT_RETIRED,
    /** The whole region is closed (for example during an incident). */
    REGION_CLOSED,
    /** The region does not sell the product's category. */
    CATEGORY_NOT_SOLD,
    /** Ops took the product off the region's catalog. */
    PRODUCT_DELISTED,
    /** The product lacks a certification the region requires for its category. */
    MISSING_CERTIFICATION,
    /** The product's launch in the region is still ahead. */
    NOT_YET_LAUNCHED,
    /** The product's sales window in the region has ended. */
    NO_LONGER_SOLD,
    /** No price is set in the region. */
    NO_PRICE,
    /** A SKU in a cart is no longer in the catalog (it was removed from its product). */
    SKU_REMOVED
}
