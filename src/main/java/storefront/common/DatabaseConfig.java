package storefront.common;

import io.smallrye.config.ConfigMapping;

/** {@code storefront.db.*}; the default is in application.properties. */
@ConfigMapping(prefix = "storefront.db")
public interface DatabaseConfig {

    /** The schema that holds the tables (also the search path and Flyway's). */
    String schema();
}
