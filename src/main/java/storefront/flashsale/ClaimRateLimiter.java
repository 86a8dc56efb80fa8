package storefront.flashsale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import storefront.common.ProblemException;

/**
 * Claims per client (the signed-in shopper) are limited by a token bucket: a
 * short burst, then a steady rate. One bot account cannot flood the endpoint;
 * buckets of clients that went quiet are forgotten. The limit holds per
 * replica (see README: run claims behind a load balancer that keeps a client
 * on one replica, or divide the rate by the replica count).
 */
@Singleton
public class ClaimRateLimiter {

    private final long burst;
    private final long perSecond;
    private final Cache<String, Bucket> buckets;

    ClaimRateLimiter(@ConfigProperty(name = "storefront.flash-sale.rate-limit.burst") long burst,
                     @ConfigProperty(name = "storefront.flash-sale.rate-limit.per-second") long perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofSeconds(Math.max(60, burst / Math.max(perSecond, 1) * 2)))
                .maximumSize(500_000)
                .build();
    }

    /** Takes one claim from the client's bucket, or fails with 429 RATE_LIMITED and Retry-After. */
    void acquire(String client) {
        ConsumptionProbe probe = buckets.get(client, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            int seconds = (int) Math.max(1, Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
            throw new ProblemException(429, "RATE_LIMITED", "Too many claims",
                    "Too many claims from this client; retry in " + seconds + " s.").retryAfter(seconds);
        }
    }
}
