package storefront.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A token bucket per client key: a short burst, then a steady rate. Buckets of
 * clients that went quiet are forgotten. Limits hold per replica.
 * <p>
 * At most {@link #MAX_CLIENTS} buckets are kept (one takes about 350 bytes with
 * its key, so some 35 MiB): a crowd of more clients than that within the
 * forgetting time costs the least active of them their bucket, and so a fresh
 * burst, rather than the heap.
 */
public final class TokenBuckets {

    private static final int MAX_CLIENTS = 100_000;

    private final long burst;
    private final long perSecond;
    private final Cache<String, Bucket> buckets;

    public TokenBuckets(long burst, long perSecond) {
        if (burst < 1 || perSecond < 1) {
            throw new IllegalArgumentException("A rate limit needs a burst and a rate of at least 1, not "
                    + burst + " and " + perSecond + "/s");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofSeconds(Math.max(60, burst / perSecond * 2)))
                .maximumSize(MAX_CLIENTS)
                .build();
    }

    /** Takes one token from the client's bucket: 0 when taken, else whole seconds to wait (at least 1). */
    public int take(String client) {
        ConsumptionProbe probe = buckets.get(client, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : (int) Math.max(1, Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
    }
}
