package storefront.region;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code storefront.regions.*}. */
@ConfigMapping(prefix = "storefront.regions")
public interface RegionsConfig {

    /** The regions this replica serves; absent or empty: all of them. */
    Optional<List<String>> served();
}
