package storefront.flashsale;

import io.smallrye.config.ConfigMapping;

/** Flash sales' settings ({@code storefront.flash-sale.*}); their defaults are in application.properties. */
@ConfigMapping(prefix = "storefront.flash-sale")
public interface FlashSaleConfig {

    /** Rows a sale's units are spread over, so that claims lock different ones. */
    int shards();

    /** Claims of one sale decided in one statement, at most. */
    int claimBatch();

    /** How long a granted claim holds its unit. */
    int claimMinutes();

    /** How long a replica answers SOLD_OUT from memory after the database said so. */
    long soldOutRecheckMs();

    RateLimit rateLimit();

    /** Claims per shopper and replica: a burst, then a steady rate. */
    interface RateLimit {
        long burst();

        long perSecond();
    }
}
