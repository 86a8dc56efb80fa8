package storefront.checkout;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import storefront.common.BusinessMetrics;
import storefront.common.Json;
import storefront.order.OrderService;
import storefront.order.StoredOrder;
import storefront.order.PaymentEvent;
import storefront.order.PaymentLedger;
import storefront.order.PaymentLedger.Received;

/**
 * No order waits forever on a webhook that never came. Orders with a payment
 * that is not settled and that have been quiet for a while (pending, or expired
 * while their payment was perhaps still going through) are looked up at the
 * provider; what it says is applied through the same ledger as a webhook, under
 * an event id of its own, so running again changes nothing and a late webhook
 * is a no-op. A payment found cancelled is not asked about again.
 */
@Singleton
public class PaymentReconciler {

    private static final Logger LOG = Logger.getLogger(PaymentReconciler.class);
    private static final int BATCH = 100;

    private final Pool pool;
    private final OrderService orders;
    private final PaymentGateway gateway;
    private final PaymentLedger ledger;
    private final PaymentAdminService refunds;
    private final Json json;
    private final BusinessMetrics metrics;
    private final Duration quietFor;

    PaymentReconciler(Pool pool, OrderService orders, PaymentGateway gateway, PaymentLedger ledger,
                      PaymentAdminService refunds, Json json, BusinessMetrics metrics,
                      PaymentConfig config) {
        this.pool = pool;
        this.orders = orders;
        this.gateway = gateway;
        this.ledger = ledger;
        this.refunds = refunds;
        this.json = json;
        this.metrics = metrics;
        this.quietFor = config.reconcileAfter();
    }

    @Scheduled(every = "${storefront.payment.reconcile-every}", delayed = "${storefront.payment.reconcile-first-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reconcile().invoke(n -> {
            if (n > 0) {
                LOG.infof("Reconciled %d payments with the provider", n);
            }
        }).onFailure().invoke(f -> LOG.warn("Reconciling payments failed; the next run tries again", f))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass; answers how many orders the provider's answer changed or settled. */
    public Uni<Integer> reconcile() {
        if (!gateway.automatic()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("""
                        select o.id from customer_order o
                        where o.payment_intent_id is not null and o.paid_at is null
                          and o.status in ('PENDING_PAYMENT', 'EXPIRED')
                          and o.updated_at < now() - make_interval(secs => $1)
                          and o.created_at > now() - interval '7 days'
                          and not exists (select 1 from payment_event e where e.order_id = o.id
                                          and e.type in ('payment_intent.canceled', 'reconcile.canceled'))
                        order by o.updated_at limit $2""")
                .execute(Tuple.of(quietFor.toSeconds(), BATCH))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> settle(row.getUUID("id"))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Could not reconcile order %s: %s", row.getUUID("id"), failure.getMessage());
                            return 0;
                        }))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> settle(UUID orderId) {
        return orders.find(pool, orderId, false).map(Optional::orElseThrow).flatMap(order ->
                gateway.lookup(CheckoutService.payment(order)).flatMap(found -> found
                        .map(event -> apply(order, event))
                        .orElseGet(() -> Uni.createFrom().item(0))));
    }

    private Uni<Integer> apply(StoredOrder order, PaymentEvent event) {
        String kind = event instanceof PaymentEvent.Succeeded ? "succeeded"
                : event instanceof PaymentEvent.Canceled ? "canceled" : "failed";
        String intent = order.paymentIntentId();
        Received received = new Received("reconcile_" + intent + "_" + kind, "reconcile." + kind, order.id(), intent,
                event, json.text(Map.of("source", "reconciliation", "paymentIntent", intent, "status", kind)));
        return pool.withTransaction(tx -> ledger.record(tx, received)).flatMap(outcome -> {
            metrics.reconciled(kind, outcome);
            if ("DUPLICATE".equals(outcome)) {
                return Uni.createFrom().item(0);
            }
            LOG.infof("Order %s: the provider says %s (%s)", order.number(), kind, outcome);
            Uni<Integer> due = PaymentLedger.REFUND_DUE.equals(outcome) ? refunds.submitDueRefunds()
                    : Uni.createFrom().item(0);
            return due.replaceWith(1);
        });
    }
}
