package storefront.flashsale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import storefront.common.ProblemException;
import storefront.edge.HttpConfig;
import storefront.flashsale.FlashSaleRepository.ClaimAttempt;
import storefront.flashsale.FlashSaleRepository.ClaimOutcome;
import storefront.flashsale.FlashSaleRepository.Sale;

/**
 * Claims of a sale go to the database in batches: while one batch of a sale is
 * being decided, the claims that arrive wait, and go together in the next one,
 * decided in one statement (claim_flash_units). Under a stampede a grant then
 * costs PostgreSQL a fraction of what it costs alone, and one connection per
 * sale serves the claims instead of every claim queueing for a connection.
 * Claims the database answers RETRY (see the function) wait for the next
 * batch; so does a whole batch that met another transaction's rows (a deadlock
 * or a claim of the same key from another replica), whose work was undone. A
 * batch the database has not answered within the request timeout no longer
 * holds up the sale's lane (see {@link #batchTimeout}).
 */
@Startup
@Singleton
class ClaimBatcher {

    /** How often one claim goes to the database before it is answered CONCURRENT_CHANGE. */
    private static final int MAX_ROUNDS = 8;
    /** Undone batches worth asking again: a deadlock, a serialization failure, a key claimed meanwhile. */
    private static final Set<String> ASK_AGAIN = Set.of("40P01", "40001", "23505");

    private final Pool pool;
    private final FlashSaleRepository sales;
    private final Duration claimTtl;
    private final int maxBatch;
    /**
     * How long the lane waits for a batch: its claims have been answered
     * REQUEST_TIMEOUT by then, and the claims queued behind it go on in the next
     * batch, on another connection, whatever holds this one.
     */
    private final Duration batchTimeout;
    /** One lane per sale that has claims; an idle lane is dropped (a late batch still answers its own claims). */
    private final Cache<UUID, Lane> lanes = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    @Inject
    ClaimBatcher(Pool pool, FlashSaleRepository sales, FlashSaleConfig config, HttpConfig http) {
        this(pool, sales, config, http.requestTimeout());
    }

    /** A batch waits for the database at most as long as a request may take ({@code requestTimeout}). */
    ClaimBatcher(Pool pool, FlashSaleRepository sales, FlashSaleConfig config, Duration requestTimeout) {
        int maxBatch = config.claimBatch();
        this.pool = pool;
        this.sales = sales;
        this.claimTtl = Duration.ofMinutes(config.claimMinutes());
        this.batchTimeout = requestTimeout;
        if (maxBatch < 1 || maxBatch > 1_000) {
            throw new IllegalStateException("Refusing to start: storefront.flash-sale.claim-batch (FLASH_CLAIM_BATCH) "
                    + "must be between 1 and 1000, not " + maxBatch + ".");
        }
        this.maxBatch = maxBatch;
    }

    /** The database's answer to this claim, from the next batch of its sale. */
    Uni<ClaimOutcome> claim(Sale sale, String customerId, String addressKey, String idempotencyKey) {
        ClaimAttempt attempt = new ClaimAttempt(UUID.randomUUID(), customerId, addressKey, idempotencyKey);
        return Uni.createFrom().emitter(emitter -> lanes.get(sale.id(), id -> new Lane(sale))
                .offer(new Waiting(attempt, Vertx.currentContext(), emitter, 1)));
    }

    /** A claim waiting for its answer, which is given on the request's own context. */
    private record Waiting(ClaimAttempt attempt, Context context, UniEmitter<? super ClaimOutcome> emitter,
                           int round) {

        void answer(ClaimOutcome outcome) {
            onContext(() -> emitter.complete(outcome));
        }

        void fail(Throwable failure) {
            onContext(() -> emitter.fail(failure));
        }

        Waiting nextRound() {
            return new Waiting(attempt, context, emitter, round + 1);
        }

        private void onContext(Runnable action) {
            if (context == null) {
                action.run();
            } else {
                context.runOnContext(v -> action.run());
            }
        }
    }

    /** The claims of one sale: at most one batch in the database at a time, the others queued. */
    private final class Lane {

        private final Sale sale;
        private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean deciding = new AtomicBoolean();

        Lane(Sale sale) {
            this.sale = sale;
        }

        void offer(Waiting waiting) {
            queue.add(waiting);
            next();
        }

        /** Sends the next batch unless one is being decided; whoever ends a batch calls this again. */
        private void next() {
            while (!queue.isEmpty() && deciding.compareAndSet(false, true)) {
                List<Waiting> batch = new ArrayList<>();
                for (Waiting waiting; batch.size() < maxBatch && (waiting = queue.poll()) != null; ) {
                    batch.add(waiting);
                }
                if (!batch.isEmpty()) {
                    decide(batch);
                    return;
                }
                deciding.set(false);  // nothing was left to send
            }
        }

        private void decide(List<Waiting> batch) {
            int start = ThreadLocalRandom.current().nextInt(sale.shards());
            sales.claim(pool, sale.id(), batch.stream().map(Waiting::attempt).toList(), start, claimTtl)
                    .ifNoItem().after(batchTimeout).failWith(ClaimBatcher.this::timedOut)
                    .subscribe().with(outcomes -> {
                        deciding.set(false);
                        for (int i = 0; i < batch.size(); i++) {
                            if (outcomes.get(i).outcome() == ClaimOutcome.Outcome.RETRY) {
                                again(batch.get(i));
                            } else {
                                batch.get(i).answer(outcomes.get(i));
                            }
                        }
                        next();
                    }, failure -> {
                        deciding.set(false);
                        boolean askAgain = failure instanceof PgException pg && ASK_AGAIN.contains(pg.getSqlState());
                        for (Waiting waiting : batch) {
                            if (askAgain) {
                                again(waiting);
                            } else {
                                waiting.fail(failure);
                            }
                        }
                        next();
                    });
        }

        private void again(Waiting waiting) {
            if (waiting.round() < MAX_ROUNDS) {
                queue.add(waiting.nextRound());
            } else {
                waiting.fail(contended());
            }
        }
    }

    private ProblemException timedOut() {
        return new ProblemException(503, "REQUEST_TIMEOUT", "Request timed out", "The claim was not decided within "
                + batchTimeout.toMillis() + " ms; retry in a few seconds with the same Idempotency-Key.").retryAfter(2);
    }

    private static ProblemException contended() {
        return new ProblemException(409, "CONCURRENT_CHANGE", "Concurrent change",
                "Other claims for the same units, account or address kept meeting this one. Retry.");
    }
}
