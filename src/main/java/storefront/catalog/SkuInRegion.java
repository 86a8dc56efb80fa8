package storefront.catalog;

import java.time.Instant;
import java.util.Map;
import storefront.availability.AvailabilityPolicy;
import storefront.availability.Decision;
import storefront.availability.Listing;
import storefront.availability.ProductFacts;
import storefront.availability.RegionRules;

/** A SKU as a cart or a checkout sees it in one region: its product, its text, and its price there, if any. */
public record SkuInRegion(String code, String productSlug, String name, Map<String, String> options,
                          ProductFacts facts, Listing listing, Long price) {

    /** The same SKU at another price (a flash sale's). */
    public SkuInRegion withPrice(long other) {
        return new SkuInRegion(code, productSlug, name, options, facts, listing, other);
    }

    /**
     * The one availability decision on this SKU in a region at an instant: what
     * every door that lets a shopper reserve or buy it asks (cart, checkout,
     * flash-sale creation and claims).
     */
    public Decision decide(RegionRules region, Instant now) {
        return AvailabilityPolicy.decide(facts, price != null, region, now, listing);
    }
}
