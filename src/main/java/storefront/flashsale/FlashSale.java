package storefront.flashsale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A flash sale's definition as ops create it: the SKU and region, the window,
 * the price, the units set aside and the per-customer limit. Nothing of it
 * changes after creation; the units left (its shards) and the claims are moved
 * by set-based SQL ({@link FlashSaleRepository}), and the settlement after the
 * end is a sweep's, so this entity writes neither.
 */
@Entity
@Table(name = "flash_sale")
class FlashSale {

    @Id
    UUID id;

    String skuCode;

    String regionCode;

    Instant startsAt;

    Instant endsAt;

    long priceMinor;

    String currency;

    int quantity;

    int perCustomerLimit;

    int shards;

    String createdBy;

    Instant createdAt;

    @Column(insertable = false, updatable = false)
    Instant settledAt;

    /** The sale as claims and views use it, for the product {@code productSlug}. */
    FlashSaleRepository.Sale sale(String productSlug) {
        return new FlashSaleRepository.Sale(id, skuCode, productSlug, regionCode, startsAt, endsAt, priceMinor,
                currency, quantity, perCustomerLimit, shards, createdBy, settledAt);
    }
}
