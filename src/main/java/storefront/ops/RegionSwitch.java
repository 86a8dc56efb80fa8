package storefront.ops;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;
import storefront.ops.OpsApi.CategoryStatus;
import storefront.ops.OpsApi.RegionStatus;

/**
 * What ops switch about a region: open or closed (with the reason), and the
 * categories it sells. The rest of a region (currency, locales, countries,
 * taxes) is reference data this aggregate does not write.
 */
@Entity
@Table(name = "region")
class RegionSwitch {

    @Id
    String code;

    boolean open;

    String closedReason;

    @Version
    long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "region_category", joinColumns = @JoinColumn(name = "region_code"))
    @Column(name = "category_code")
    Set<String> categoriesSold = new HashSet<>();

    void open() {
        open = true;
        closedReason = null;
    }

    void close(String reason) {
        open = false;
        closedReason = reason;
    }

    void sell(String category, boolean sold) {
        if (sold) {
            categoriesSold.add(category);
        } else {
            categoriesSold.remove(category);
        }
    }

    RegionStatus status() {
        return new RegionStatus(code, open, closedReason);
    }

    CategoryStatus category(String category) {
        return new CategoryStatus(code, category, categoriesSold.contains(category));
    }
}
