package storefront.flashsale;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import storefront.common.ProblemException;
import storefront.common.TokenBuckets;

/**
 * Claims per client (the signed-in shopper) are limited by a token bucket: a
 * short burst, then a steady rate, so one bot account cannot flood the
 * endpoint. The limit holds per replica (see README: run claims behind a load
 * balancer that keeps a client on one replica, or divide the rate by the
 * replica count).
 */
@Singleton
public class ClaimRateLimiter {

    private final TokenBuckets buckets;

    ClaimRateLimiter(@ConfigProperty(name = "storefront.flash-sale.rate-limit.burst") long burst,
                     @ConfigProperty(name = "storefront.flash-sale.rate-limit.per-second") long perSecond) {
        this.buckets = new TokenBuckets(burst, perSecond);
    }

    /** Takes one claim from the client's bucket, or fails with 429 CLAIM_RATE_LIMITED and Retry-After. */
    void acquire(String client) {
        int seconds = buckets.take(client);
        if (seconds > 0) {
            throw new ProblemException(429, "CLAIM_RATE_LIMITED", "Too many claims",
                    "Too many claims from this client; retry in " + seconds + " s.").retryAfter(seconds);
        }
    }
}
