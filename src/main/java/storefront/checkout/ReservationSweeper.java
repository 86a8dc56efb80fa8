package storefront.checkout;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import storefront.cart.CartService;
import storefront.common.ProblemException;
import storefront.flashsale.FlashClaims;
import storefront.inventory.Inventory;
import storefront.order.OrderService;

/**
 * Gives back what nobody paid for, on every replica at once without stepping
 * on each other (rows are taken with SKIP LOCKED), as named jobs run one after
 * the other, each on its own: {@value #EXPIRED_ORDERS} (pending orders whose
 * reservation ran out become EXPIRED and release their stock),
 * {@value #CANCELLED_PAYMENTS} (their PaymentIntents are cancelled at the
 * provider, again on the next run if it could not be reached),
 * {@value #EXPIRED_CLAIMS} (unused flash-sale claims return to their sales),
 * {@value #ENDED_SALES} (ended sales return what is left to stock),
 * {@value #DUE_REFUNDS} (refunds still owed are sent again) and
 * {@value #ABANDONED_CARTS} (carts nobody touched for the configured days, that
 * never became orders, go). The statements are the owning features'.
 */
@Singleton
public class ReservationSweeper {

    public static final String EXPIRED_ORDERS = "expired-orders";
    public static final String CANCELLED_PAYMENTS = "cancelled-payments";
    public static final String EXPIRED_CLAIMS = "expired-claims";
    public static final String ENDED_SALES = "ended-sales";
    public static final String DUE_REFUNDS = "due-refunds";
    public static final String ABANDONED_CARTS = "abandoned-carts";

    /** What one sweep did: per job, how many it gave back (orders, payments, claims, sales, refunds, carts). */
    public record Sweep(Map<String, Integer> byJob) {

        public int of(String job) {
            return byJob.getOrDefault(job, 0);
        }

        int total() {
            return byJob.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One job of the sweep. */
    private record Job(String name, Supplier<Uni<Integer>> run) {
    }

    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class);
    private static final int BATCH = 200;

    private final Pool pool;
    private final OrderService orders;
    private final Inventory inventory;
    private final PaymentGateway gateway;
    private final List<Job> jobs;

    ReservationSweeper(Pool pool, OrderService orders, Inventory inventory, FlashClaims flashSales,
                       PaymentGateway gateway, PaymentAdminService payments, CartService carts) {
        this.pool = pool;
        this.orders = orders;
        this.inventory = inventory;
        this.gateway = gateway;
        this.jobs = List.of(
                new Job(EXPIRED_ORDERS, this::expireOrders),
                new Job(CANCELLED_PAYMENTS, this::cancelPayments),
                new Job(EXPIRED_CLAIMS, () -> pool.withTransaction(tx -> flashSales.expireClaims(tx, BATCH * 5))),
                new Job(ENDED_SALES, () -> pool.withTransaction(tx -> flashSales.settleEnded(tx, 20))),
                new Job(DUE_REFUNDS, payments::submitDueRefunds),
                new Job(ABANDONED_CARTS, () -> carts.deleteAbandoned(BATCH * 5)));
    }

    @Scheduled(every = "${storefront.inventory.sweep-every}", delayed = "${storefront.inventory.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().invoke(s -> {
            if (s.total() > 0) {
                LOG.infof("Swept: %s", s.byJob());
            }
        }).onFailure().invoke(f -> LOG.warn("Sweep failed; the next one tries again", f)).onFailure()
                .recoverWithNull().replaceWithVoid();
    }

    /** One sweep: every job once, in order. */
    public Uni<Sweep> sweep() {
        Map<String, Integer> done = new LinkedHashMap<>();
        return Multi.createFrom().iterable(jobs)
                .onItem().transformToUniAndConcatenate(job -> job.run().get().invoke(n -> done.put(job.name(), n)))
                .collect().last()
                .map(last -> new Sweep(Collections.unmodifiableMap(done)));
    }

    private Uni<Integer> expireOrders() {
        return pool.withTransaction(tx -> orders.lockOverdue(tx, BATCH).flatMap(ids -> Multi.createFrom()
                .iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> orders.expire(tx, id).call(v -> inventory.release(tx, id)))
                .collect().asList().map(List::size)));
    }

    private static boolean refused(Throwable failure) {
        return failure instanceof ProblemException p && p.problem().status == 502;
    }

    private Uni<Integer> cancelPayments() {
        return orders.paymentsToCancel(pool, BATCH)
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> orders.find(pool, id, false)
                        .flatMap(found -> gateway.cancel(CheckoutService.payment(found.orElseThrow())))
                        .flatMap(v -> orders.paymentCancelled(pool, id))
                        .map(v -> 1)
                        .onFailure(ReservationSweeper::refused).recoverWithUni(failure -> {
                            // The provider refused it (not a passing outage): asking again would not help.
                            LOG.errorf("The provider refused to cancel the payment of order %s (%s); left as it is",
                                    id, failure.getMessage());
                            return orders.paymentCancelled(pool, id).replaceWith(0);
                        })
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Cancelling the payment of order %s failed (%s); trying again later",
                                    id, failure.getMessage());
                            return 0;
                        }))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
