package storefront.ops;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** Where product pictures may live ({@code storefront.catalog.media.*}); defaults in application.properties. */
@ConfigMapping(prefix = "storefront.catalog.media")
public interface MediaConfig {

    /** The hosts of the brand's image CDN. */
    List<String> hosts();
}
