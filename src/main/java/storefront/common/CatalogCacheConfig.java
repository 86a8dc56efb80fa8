package storefront.common;

import io.smallrye.config.ConfigMapping;

/** The catalog's answer cache ({@code storefront.catalog.cache.*}); the default is in application.properties. */
@ConfigMapping(prefix = "storefront.catalog.cache")
public interface CatalogCacheConfig {

    long maxMb();
}
