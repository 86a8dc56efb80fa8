package storefront.cart;

import io.smallrye.config.ConfigMapping;

/** {@code storefront.cart.*}; the default is in application.properties. */
@ConfigMapping(prefix = "storefront.cart")
public interface CartConfig {

    /** Carts untouched this long that never became orders are deleted. */
    int retentionDays();
}
