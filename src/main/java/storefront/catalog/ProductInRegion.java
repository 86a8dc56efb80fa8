package storefront.catalog;

import java.time.Instant;
import storefront.availability.AvailabilityPolicy;
import storefront.availability.Decision;
import storefront.availability.Listing;
import storefront.availability.ProductFacts;
import storefront.availability.RegionRules;

/** What the availability policy needs to decide on one product in one region. */
public record ProductInRegion(ProductFacts facts, Listing listing, boolean priced) {

    /** The one availability decision on this product, under the region's rules, at an instant. */
    public Decision decide(RegionRules rules, Instant at) {
        return AvailabilityPolicy.decide(facts, priced, rules, at, listing);
    }
}
