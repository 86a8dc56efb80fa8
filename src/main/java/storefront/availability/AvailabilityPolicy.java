package storefront.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The one availability decision. Listing, search, detail and every later door
 * (cart, checkout, payment) ask it, or a SQL filter proven to agree with it.
 * Pure: no I/O, no clock; the caller passes the instant.
 */
public final class AvailabilityPolicy {

    private AvailabilityPolicy() {
    }

    /**
     * Whether one SKU of a product can be sold in a region at an instant. A
     * product as a whole is available when one of its SKUs is, which is the
     * same question asked with {@code skuPriced} = "some SKU has a price here".
     */
    public static Decision decide(ProductFacts product, boolean skuPriced, RegionRules region, Instant now,
                                  Listing listing) {
        List<Reason> reasons = productReasons(product, region, now, listing);
        if (!skuPriced) {
            reasons.add(Reason.of(ReasonCode.NO_PRICE, "No price is set in region " + region.code() + "."));
        }
        return Decision.of(reasons);
    }

    /** The decision on a SKU that a cart still holds but the catalog no longer has. */
    public static Decision removedSku(String sku) {
        return Decision.of(List.of(Reason.of(ReasonCode.SKU_REMOVED, "SKU " + sku + " is no longer in the catalog.")));
    }

    private static List<Reason> productReasons(ProductFacts product, RegionRules region, Instant now,
                                               Listing listing) {
        List<Reason> reasons = new ArrayList<>();
        if (product.retired()) {
            reasons.add(Reason.of(ReasonCode.PRODUCT_RETIRED, "The product has been retired."));
        }
        if (!region.open()) {
            reasons.add(Reason.of(ReasonCode.REGION_CLOSED, "Region " + region.code() + " is closed"
                    + (region.closedReason() == null || region.closedReason().isBlank() ? "."
                            : ": " + region.closedReason())));
        }
        if (!region.soldCategories().contains(product.category())) {
            reasons.add(Reason.of(ReasonCode.CATEGORY_NOT_SOLD,
                    "Category " + product.category() + " is not sold in region " + region.code() + "."));
        }
        if (!listing.listed()) {
            reasons.add(Reason.of(ReasonCode.PRODUCT_DELISTED,
                    "Delisted in region " + region.code() + ": " + listing.delistedReason()));
        }
        TreeSet<String> missing = new TreeSet<>(region.certificationsRequiredFor(product.category()));
        missing.removeAll(product.certifications());
        if (!missing.isEmpty()) {
            reasons.add(new Reason(ReasonCode.MISSING_CERTIFICATION,
                    "Region " + region.code() + " requires " + String.join(", ", missing)
                            + ", which this product does not hold.",
                    List.copyOf(missing)));
        }
        if (listing.availableFrom() != null && now.isBefore(listing.availableFrom())) {
            reasons.add(Reason.of(ReasonCode.NOT_YET_LAUNCHED,
                    "Launches in region " + region.code() + " at " + listing.availableFrom() + "."));
        }
        if (listing.availableUntil() != null && !now.isBefore(listing.availableUntil())) {
            reasons.add(Reason.of(ReasonCode.NO_LONGER_SOLD,
                    "Sales in region " + region.code() + " ended at " + listing.availableUntil() + "."));
        }
        return reasons;
    }
}
