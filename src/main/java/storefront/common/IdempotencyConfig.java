package storefront.common;

import io.smallrye.config.ConfigMapping;

/** {@code storefront.idempotency.*}; the defaults are in application.properties. */
@ConfigMapping(prefix = "storefront.idempotency")
public interface IdempotencyConfig {

    /** How long a request holds its key before another request with it may take over. */
    int leaseSeconds();

    /** How long keys (and the answers they replay) are kept, at least. */
    int retentionHours();
}
