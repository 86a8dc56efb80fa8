package storefront.flashsale;

import jakarta.inject.Singleton;
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

    ClaimRateLimiter(FlashSaleConfig config) {
        this.buckets = new TokenBuckets(config.rateLimit().burst(), config.rateLimit().perSecond());
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
