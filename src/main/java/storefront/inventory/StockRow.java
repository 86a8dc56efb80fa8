package storefront.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Formula;
import storefront.inventory.StockApi.StockLevel;
import storefront.inventory.StockApi.StockState;

/**
 * A SKU's stock in a region as ops set it: the units on hand and the
 * low-stock threshold. The reserved units are not this entity's to write:
 * checkouts and flash sales move them with conditional statements
 * ({@link Inventory}), so the entity reads them and never writes them, and a
 * write by ops holds the row's lock (no version: a sale changes the row without
 * one).
 */
@Entity
@Table(name = "stock")
@IdClass(StockRow.Key.class)
class StockRow {

    static final int DEFAULT_LOW_THRESHOLD = 5;

    /** The identity of a stock row: the SKU and the region. */
    record Key(String skuCode, String regionCode) implements Serializable {
    }

    @Id
    String skuCode;

    @Id
    String regionCode;

    /** Kept by the database: the sum over the region's locations (see V14); a count moves the main warehouse. */
    @Column(insertable = false, updatable = false)
    int onHand;

    @Column(insertable = false, updatable = false)
    int reserved;

    @Column(name = "low_threshold")
    int lowThreshold = DEFAULT_LOW_THRESHOLD;

    Instant updatedAt;

    /** The state shoppers see, as the database decides it (read when loaded or refreshed). */
    @Formula("stock_state(on_hand, reserved, low_threshold)")
    String state;

    static StockRow of(String sku, String region) {
        StockRow row = new StockRow();
        row.skuCode = sku;
        row.regionCode = region;
        return row;
    }

    /** After a count: the units on hand, and the threshold when given. */
    void count(int units, Integer threshold, Instant at) {
        onHand = units;
        if (threshold != null) {
            lowThreshold = threshold;
        }
        updatedAt = at;
    }

    void adjust(int delta, Instant at) {
        onHand += delta;
        updatedAt = at;
    }

    StockLevel level() {
        return new StockLevel(skuCode, regionCode, onHand, reserved, onHand - reserved, lowThreshold,
                StockState.valueOf(state), updatedAt);
    }
}
