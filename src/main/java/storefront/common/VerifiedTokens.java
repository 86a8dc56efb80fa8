package storefront.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Verifies a bearer token once, then trusts the result for a short while: a
 * client that sends the same token again and again (a shopper retrying a
 * flash-sale claim, a frontend polling) no longer pays an RS256 verification
 * per request. An entry lasts until the token expires or for at most
 * {@code storefront.jwt.verified-cache-seconds} (so a token keeps passing that
 * long after its signing key is withdrawn); a token that fails verification is
 * never kept, and an expired one is verified (and refused) again.
 * <p>
 * The cache is bounded by memory, not by a count: a verified principal holds the
 * token and its parsed claims, about 2 KiB for a shopper's token, so a flash
 * sale's crowd of first-time shoppers would otherwise fill a small heap within
 * the minute the entries last. It takes an eighth of the heap (32 MiB, some
 * 15,000 tokens, in the image's 256 MiB) unless
 * {@code storefront.jwt.verified-cache-mb} says otherwise.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Cache<String, JWTCallerPrincipal> verified;

    /**
     * What an entry costs besides twice the token's length (the token, and its
     * claims as text and parsed): measured at 2.2 KiB in all for a 561-character
     * token, of which this is the rest.
     */
    static final int ENTRY_OVERHEAD_BYTES = 1024;

    @Inject
    VerifiedTokens(JwtConfig config, MeterRegistry registry) {
        this(config.verifiedCacheSeconds(), maxBytes(config.verifiedCacheMb()), registry);
    }

    /** JWT_VERIFIED_CACHE_MB, or else an eighth of the heap. */
    private static long maxBytes(Optional<Long> megabytes) {
        if (megabytes.isPresent() && megabytes.get() < 0) {
            throw new IllegalStateException("Refusing to start: storefront.jwt.verified-cache-mb (JWT_VERIFIED_CACHE_MB) "
                    + "must be 0 or more, not " + megabytes.get() + ".");
        }
        return megabytes.map(mb -> mb * 1024 * 1024).orElse(Runtime.getRuntime().maxMemory() / 8);
    }

    /** Trusts a verified token for at most {@code seconds}, in at most {@code maxBytes} (as weighed here). */
    VerifiedTokens(long seconds, long maxBytes, MeterRegistry registry) {
        long maxNanos = Duration.ofSeconds(seconds).toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumWeight(seconds > 0 ? maxBytes : 0)
                .<String, JWTCallerPrincipal>weigher((token, principal) -> ENTRY_OVERHEAD_BYTES + 2 * token.length())
                // Evictions happen on the thread that adds, at once, not later on a pool's thread.
                .executor(Runnable::run)
                .recordStats()
                .expireAfter(new Expiry<String, JWTCallerPrincipal>() {
                    @Override
                    public long expireAfterCreate(String token, JWTCallerPrincipal principal, long now) {
                        long untilExpiry = Duration.ofSeconds(principal.getExpirationTime()
                                - System.currentTimeMillis() / 1000).toNanos();
                        return Math.max(0, Math.min(maxNanos, untilExpiry));
                    }

                    @Override
                    public long expireAfterUpdate(String token, JWTCallerPrincipal principal, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, JWTCallerPrincipal principal, long now, long current) {
                        return current;
                    }
                })
                .build();
        // cache_gets_total{cache="verified-tokens",result="hit"|"miss"}, evictions and size at /q/metrics.
        CaffeineCacheMetrics.monitor(registry, verified, "verified-tokens");
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        verified.put(token, principal);
        return principal;
    }
}
