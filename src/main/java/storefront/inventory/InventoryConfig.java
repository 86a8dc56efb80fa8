package storefront.inventory;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code storefront.inventory.*}; the defaults are in application.properties. */
@ConfigMapping(prefix = "storefront.inventory")
public interface InventoryConfig {

    /** How long checkout holds an order's stock for its payment. */
    int reservationMinutes();

    /** How often the sweeps run (expired holds and claims, ended sales, old carts). */
    Duration sweepEvery();
}
