package storefront.sellers;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code storefront.sellers.*}; the defaults are in application.properties. */
@ConfigMapping(prefix = "storefront.sellers")
public interface SellersConfig {

    /** A PEM file with the RSA key that signs verification answers; absent: a key made at start. */
    Optional<String> signingKeyLocation();

    /** Names only the brand itself may use in a seller's domain or storefront. */
    List<String> brandNames();
}
