package storefront.flashsale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import storefront.flashsale.FlashSaleRepository.Sale;

/**
 * What this replica believes about sales the database said were sold out, so
 * that a stampede on a sold-out sale is answered from memory: for a short
 * while ({@code storefront.flash-sale.sold-out-recheck-ms}), and with the keys
 * its claims were granted under, so that a request that may replay a grant
 * still reaches the database.
 */
@Singleton
class SoldOutMemory {

    /**
     * A sale the database said was sold out: until when (System.nanoTime) that is
     * believed without asking again, and the (customer, Idempotency-Key) pairs its
     * claims were granted under (null when the sale is too big to keep them all).
     * Once that time has passed, one request asks the database again while the
     * others still answer from this belief; a grant to that request ends the
     * belief, any other answer leaves it to the next request to ask.
     */
    record SoldOut(long untilNanos, Set<String> grantedKeys, AtomicBoolean rechecking) {

        SoldOut(long untilNanos, Set<String> grantedKeys) {
            this(untilNanos, grantedKeys, new AtomicBoolean());
        }

        boolean holds() {
            return System.nanoTime() - untilNanos < 0;
        }

        /**
         * Whether this request is answered from the belief: while it holds, or while
         * another request rechecks it. False makes this request the one that rechecks.
         */
        boolean answersFromMemory() {
            return holds() || !rechecking.compareAndSet(false, true);
        }

        /** Whether this request may replay a grant (unknown counts as may). */
        boolean mayReplay(String customerId, String key) {
            return grantedKeys == null || grantedKeys.contains(FlashSaleRepository.grantKey(customerId, key));
        }
    }

    /** Sales with more units than this do not keep their grants' keys while sold out. */
    private static final int MAX_CLAIMS_KEPT = 200_000;

    private final Cache<UUID, SoldOut> beliefs;
    private final Set<UUID> loadingGrants = ConcurrentHashMap.newKeySet();
    private final long recheckNanos;
    private final Pool pool;
    private final FlashSaleRepository sales;

    SoldOutMemory(Pool pool, FlashSaleRepository sales, FlashSaleConfig config) {
        this.pool = pool;
        this.sales = sales;
        this.recheckNanos = Duration.ofMillis(config.soldOutRecheckMs()).toNanos();
        // An entry is only believed until its recheck time; dropping it soon after frees its keys.
        this.beliefs = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMillis(config.soldOutRecheckMs()).plusSeconds(10)).build();
    }

    /** The belief about {@code sale}, or null when there is none. */
    SoldOut belief(UUID sale) {
        return beliefs.getIfPresent(sale);
    }

    /**
     * The sale is sold out for the next moments: one request per replica reads the
     * keys its claims were granted under; the others answer at once.
     */
    Uni<Void> remember(Sale sale) {
        SoldOut known = beliefs.getIfPresent(sale.id());
        if ((known != null && known.holds()) || !loadingGrants.add(sale.id())) {
            return Uni.createFrom().voidItem();
        }
        Uni<Set<String>> grantedKeys = sale.quantity() > MAX_CLAIMS_KEPT ? Uni.createFrom().nullItem()
                : sales.grantedKeys(pool, sale.id());
        return grantedKeys
                .invoke(set -> beliefs.put(sale.id(), new SoldOut(System.nanoTime() + recheckNanos, set)))
                .onTermination().invoke(() -> loadingGrants.remove(sale.id()))
                .replaceWithVoid();
    }

    /** A claim was granted: a belief past its time ends (units came back); one still held learns the key. */
    void granted(UUID sale, String customerId, String key) {
        SoldOut belief = beliefs.getIfPresent(sale);
        if (belief != null && !belief.holds()) {
            beliefs.invalidate(sale);
        } else if (belief != null && belief.grantedKeys() != null) {
            belief.grantedKeys().add(FlashSaleRepository.grantKey(customerId, key));
        }
    }
}
