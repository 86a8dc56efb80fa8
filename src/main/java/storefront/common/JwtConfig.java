package storefront.common;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The verified-token cache ({@code storefront.jwt.*}); the defaults are in application.properties. */
@ConfigMapping(prefix = "storefront.jwt")
public interface JwtConfig {

    /** How long a verified token is trusted without verifying it again; 0 turns the cache off. */
    long verifiedCacheSeconds();

    /** The cache's size bound; absent: an eighth of the heap. */
    Optional<Long> verifiedCacheMb();
}
