package storefront.ops;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import storefront.ops.OpsApi.ProductListing;

/**
 * A product's standing in one region: listed or delisted (with the reason) and
 * its sales window. No row means listed with no window, so the first change
 * creates it.
 */
@Entity
@Table(name = "product_region")
@IdClass(ProductStanding.Key.class)
class ProductStanding {

    /** The identity of a standing: the product and the region. */
    record Key(Long productId, String regionCode) implements Serializable {
    }

    @Id
    Long productId;

    @Id
    String regionCode;

    boolean listed = true;

    String delistedReason;

    Instant availableFrom;

    Instant availableUntil;

    static ProductStanding initial(long productId, String region) {
        ProductStanding standing = new ProductStanding();
        standing.productId = productId;
        standing.regionCode = region;
        return standing;
    }

    void list() {
        listed = true;
        delistedReason = null;
    }

    void delist(String reason) {
        listed = false;
        delistedReason = reason;
    }

    void window(Instant from, Instant until) {
        availableFrom = from;
        availableUntil = until;
    }

    /** How ops see the standing of {@code product}; {@code standing} null is the default. */
    static ProductListing view(String region, String product, ProductStanding standing) {
        return standing == null ? new ProductListing(region, product, true, null, null, null)
                : new ProductListing(region, product, standing.listed, standing.delistedReason,
                        standing.availableFrom, standing.availableUntil);
    }
}
