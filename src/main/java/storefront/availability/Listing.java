package storefront.availability;

import java.time.Instant;

/**
 * A product's standing in one region: listed or delisted (with a reason), and an
 * optional sales window [availableFrom, availableUntil).
 */
public record Listing(boolean listed, String delistedReason, Instant availableFrom, Instant availableUntil) {

    /** A product with no listing row in a region is listed, with no window. */
    public static final Listing DEFAULT = new Listing(true, null, null, null);

    public Listing {
        if (availableFrom != null && availableUntil != null && !availableFrom.isBefore(availableUntil)) {
            throw new IllegalArgumentException("availableFrom must be before availableUntil");
        }
    }
}
