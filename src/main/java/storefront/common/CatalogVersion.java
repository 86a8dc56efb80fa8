package storefront.common;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The generation of the catalog data that cached answers were computed from.
 * It moves on when the data changes (a notice from PostgreSQL, or a write in
 * this replica) and when the clock passes the next scheduled boundary (a launch
 * or the end of a sales window), so no cached answer outlives the data or the
 * instant it was computed for.
 */
@Singleton
public class CatalogVersion {

    private static final Logger LOG = Logger.getLogger(CatalogVersion.class);
    private static final String NEXT_BOUNDARY = """
            select min(t) from (
                select available_from as t from product_region where available_from > $1
                union all
                select available_until from product_region where available_until > $1) boundaries""";

    private final Pool pool;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    /** Cached answers of the current generation are valid strictly before this instant. */
    private final AtomicReference<Instant> validUntil = new AtomicReference<>(Instant.MIN);

    @Inject
    public CatalogVersion(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The generation to use for an answer computed now. */
    public long current() {
        Instant until = validUntil.get();
        if (!clock.instant().isBefore(until) && validUntil.compareAndSet(until, Instant.MAX)) {
            advance();
        }
        return generation.get();
    }

    /** The catalog changed: answers computed before now must not be served again. */
    public void changed() {
        validUntil.set(Instant.MAX);
        advance();
    }

    private void advance() {
        long next = generation.incrementAndGet();
        Instant at = clock.instant();
        pool.preparedQuery(NEXT_BOUNDARY).execute(Tuple.of(at.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    OffsetDateTime t = rows.iterator().next().getOffsetDateTime(0);
                    return t == null ? Instant.MAX : t.toInstant();
                })
                .subscribe().with(
                        boundary -> settle(next, boundary),
                        failure -> {
                            LOG.debugf(failure, "Next catalog boundary unknown; retrying shortly");
                            settle(next, clock.instant().plusSeconds(1));
                        });
    }

    private void settle(long forGeneration, Instant boundary) {
        // Only the newest generation decides; an older answer arriving late is dropped.
        if (generation.get() == forGeneration) {
            validUntil.accumulateAndGet(boundary, (current, proposed) -> proposed.isBefore(current) ? proposed : current);
        }
    }
}
