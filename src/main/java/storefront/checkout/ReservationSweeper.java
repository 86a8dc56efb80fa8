package storefront.checkout;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import storefront.cart.CartConfig;
import storefront.common.ProblemException;
import storefront.flashsale.FlashClaims;
import storefront.inventory.Inventory;
import storefront.order.OrderService;

/**
 * Gives back what nobody paid for, on every replica at once without stepping
 * on each other (rows are taken with SKIP LOCKED): pending orders whose
 * reservation ran out become EXPIRED and release their stock; their
 * PaymentIntents are cancelled at the provider (again on the next run if it
 * could not be reached); unused flash-sale claims return to their sales; ended
 * sales return what is left to stock; refunds still owed are sent again; carts
 * nobody touched for the configured days (and that never became orders) go.
 */
@Singleton
public class ReservationSweeper {

    /** What one sweep did. */
    public record Sweep(int expiredOrders, int cancelledPayments, int expiredClaims, int settledSales,
                        int refundsSent, int abandonedCarts) {

        int total() {
            return expiredOrders + cancelledPayments + expiredClaims + settledSales + refundsSent + abandonedCarts;
        }
    }

    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class);
    private static final int BATCH = 200;

    private final Pool pool;
    private final OrderService orders;
    private final Inventory inventory;
    private final FlashClaims flashSales;
    private final PaymentGateway gateway;
    private final PaymentAdminService payments;

    private final int cartRetentionDays;

    ReservationSweeper(Pool pool, OrderService orders, Inventory inventory, FlashClaims flashSales,
                       PaymentGateway gateway, PaymentAdminService payments,
                       CartConfig config) {
        this.cartRetentionDays = config.retentionDays();
        this.pool = pool;
        this.orders = orders;
        this.inventory = inventory;
        this.flashSales = flashSales;
        this.gateway = gateway;
        this.payments = payments;
    }

    @Scheduled(every = "${storefront.inventory.sweep-every}", delayed = "${storefront.inventory.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().invoke(s -> {
            if (s.total() > 0) {
                LOG.infof("Swept: %s", s);
            }
        }).onFailure().invoke(f -> LOG.warn("Sweep failed; the next one tries again", f)).onFailure()
                .recoverWithNull().replaceWithVoid();
    }

    /** One sweep, each step on its own. */
    public Uni<Sweep> sweep() {
        return expireOrders().flatMap(expired -> cancelPayments().flatMap(cancelled ->
                pool.withTransaction(tx -> flashSales.expireClaims(tx, BATCH * 5)).flatMap(claims ->
                        pool.withTransaction(tx -> flashSales.settleEnded(tx, 20)).flatMap(settled ->
                                payments.submitDueRefunds().flatMap(refunds -> abandonedCarts().map(carts ->
                                        new Sweep(expired, cancelled, claims, settled, refunds, carts)))))));
    }

    private Uni<Integer> abandonedCarts() {
        return pool.preparedQuery("""
                        delete from cart where id in (
                            select c.id from cart c
                            where c.updated_at < now() - make_interval(days => $1)
                              and not exists (select 1 from customer_order o where o.cart_id = c.id)
                            limit $2)""")
                .execute(Tuple.of(cartRetentionDays, BATCH * 5)).map(rows -> rows.rowCount());
    }

    private Uni<Integer> expireOrders() {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        select id from customer_order
                        where stock_status = 'RESERVED' and reserved_until < now() and status = 'PENDING_PAYMENT'
                        order by reserved_until limit $1 for update skip locked""")
                .execute(Tuple.of(BATCH))
                .flatMap(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return Multi.createFrom().iterable(ids)
                            .onItem().transformToUniAndConcatenate(id -> orders.expire(tx, id)
                                    .call(v -> inventory.release(tx, id)))
                            .collect().asList().map(List::size);
                }));
    }

    private Uni<Void> cancelled(UUID orderId) {
        return pool.preparedQuery("update customer_order set cancel_payment = false where id = $1")
                .execute(Tuple.of(orderId)).replaceWithVoid();
    }

    private static boolean refused(Throwable failure) {
        return failure instanceof ProblemException p && p.problem().status == 502;
    }

    private Uni<Integer> cancelPayments() {
        return pool.preparedQuery("select id from customer_order where cancel_payment order by updated_at limit $1")
                .execute(Tuple.of(BATCH))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> orders.find(pool, row.getUUID("id"), false)
                        .flatMap(found -> gateway.cancel(CheckoutService.payment(found.orElseThrow())))
                        .flatMap(v -> cancelled(row.getUUID("id")))
                        .map(v -> 1)
                        .onFailure(ReservationSweeper::refused).recoverWithUni(failure -> {
                            // The provider refused it (not a passing outage): asking again would not help.
                            LOG.errorf("The provider refused to cancel the payment of order %s (%s); left as it is",
                                    row.getUUID("id"), failure.getMessage());
                            return cancelled(row.getUUID("id")).replaceWith(0);
                        })
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Cancelling the payment of order %s failed (%s); trying again later",
                                    row.getUUID("id"), failure.getMessage());
                            return 0;
                        }))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
