package storefront.catalog;

import storefront.availability.Listing;
import storefront.availability.ProductFacts;

/** What the availability policy needs to decide on one product in one region. */
public record ProductInRegion(ProductFacts facts, Listing listing, boolean priced) {
}
