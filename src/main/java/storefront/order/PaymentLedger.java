package storefront.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import storefront.common.BusinessMetrics;
import storefront.inventory.Inventory;

import storefront.order.OrderStateMachine.Outcome;
import storefront.order.OrderStateMachine.Transition;

/**
 * Records what the payment provider says, once per event, and moves the order
 * accordingly, in the caller's transaction. The event's primary key makes a
 * redelivery a no-op; the order's row lock orders concurrent events; the state
 * machine ignores stale ones. Stock follows in the same transaction: a paid
 * order's units are sold, a cancelled order's released, and an order paid after
 * it expired either gets its units back from stock or is owed a refund.
 */
@Singleton
public class PaymentLedger {

    private static final Logger LOG = Logger.getLogger(PaymentLedger.class);

    /** An event as received: {@code event} is null for a type that changes no order. */
    public record Received(String id, String type, UUID orderId, String paymentIntentId, PaymentEvent event,
                           String payloadJson) {
    }

    /** The outcome of a payment that succeeded after its order expired, when the stock was sold meanwhile. */
    public static final String REFUND_DUE = "REFUND_DUE";
    /** Who system refunds are recorded as. */
    public static final String SYSTEM = "system";

    private final OrderRepository orders;
    private final Inventory inventory;

    private final BusinessMetrics metrics;

    PaymentLedger(OrderRepository orders, Inventory inventory, BusinessMetrics metrics) {
        this.orders = orders;
        this.inventory = inventory;
        this.metrics = metrics;
    }

    /**
     * Records and applies the event; answers its outcome: DUPLICATE, IGNORED_TYPE,
     * UNKNOWN_ORDER, OTHER_PAYMENT_INTENT, {@link #REFUND_DUE} (a refund of the
     * whole order is recorded, for the caller to send to the provider after commit)
     * or one of {@link Outcome}.
     */
    public Uni<String> record(SqlClient tx, Received received) {
        return tx.preparedQuery("""
                        insert into payment_event (id, type, payment_intent_id, outcome, payload)
                        values ($1, $2, $3, 'RECEIVED', $4::text::jsonb)
                        on conflict (id) do nothing returning id""")
                .execute(Tuple.of(received.id(), received.type(), received.paymentIntentId(), received.payloadJson()))
                .flatMap(inserted -> {
                    if (inserted.rowCount() == 0) {
                        return Uni.createFrom().item("DUPLICATE");
                    }
                    if (received.event() == null) {
                        return settle(tx, received, null, "IGNORED_TYPE", null);
                    }
                    return findOrder(tx, received).flatMap(found -> {
                        if (found.isEmpty()) {
                            LOG.warnf("Payment event %s (%s) names no known order (order %s, payment intent %s)",
                                    received.id(), received.type(), received.orderId(), received.paymentIntentId());
                            return settle(tx, received, null, "UNKNOWN_ORDER", null);
                        }
                        return apply(tx, received, found.get());
                    });
                });
    }

    private Uni<String> apply(SqlClient tx, Received received, StoredOrder order) {
        String intent = received.paymentIntentId();
        if (intent != null && order.paymentIntentId() != null && !intent.equals(order.paymentIntentId())) {
            LOG.warnf("Payment event %s is for payment intent %s, order %s has %s", received.id(), intent,
                    order.number(), order.paymentIntentId());
            return settle(tx, received, order.id(), "OTHER_PAYMENT_INTENT", null);
        }
        Transition transition = OrderStateMachine.apply(order.paymentState(), received.event());
        if (transition.outcome() == Outcome.PAID_AFTER_EXPIRY || transition.becamePaid(order.paymentState())
                || transition.outcome() == Outcome.FAILURE_RECORDED) {
            boolean succeeded = transition.outcome() != Outcome.FAILURE_RECORDED;
            BusinessMetrics.afterCommit(tx, () -> metrics.payment(order.region(), succeeded));
        }
        if (transition.outcome() == Outcome.PAID_AFTER_EXPIRY) {
            return paidAfterExpiry(tx, received, order);
        }
        if (transition.outcome() == Outcome.AMOUNT_MISMATCH) {
            LOG.errorf("Payment event %s for order %s: %s", received.id(), order.number(), transition.detail());
        }
        Uni<Void> write = Uni.createFrom().voidItem();
        if (transition.outcome() == Outcome.APPLIED || transition.outcome() == Outcome.FAILURE_RECORDED) {
            String error = transition.outcome() == Outcome.FAILURE_RECORDED ? transition.detail()
                    : transition.state().status().paid() ? null : order.paymentError();
            write = orders.applyPayment(tx, order.id(), transition.state(), transition.becamePaid(order.paymentState()),
                    error);
            if (intent != null && order.paymentIntentId() == null) {
                write = write.call(() -> orders.attachPaymentIntent(tx, order.id(), intent));
            }
            if (transition.becamePaid(order.paymentState())) {
                write = write.call(() -> inventory.sell(tx, order.id()));
            } else if (transition.state().status() == OrderStatus.CANCELLED) {
                write = write.call(() -> inventory.release(tx, order.id()));
            }
        }
        return write.flatMap(v -> settle(tx, received, order.id(), transition.outcome().name(), transition.detail()));
    }

    /**
     * The stock went back when the order expired. If all of it is still there,
     * the order is sold after all; if not, the shopper must not pay for nothing:
     * the whole payment is recorded as a refund due.
     */
    private Uni<String> paidAfterExpiry(SqlClient tx, Received received, StoredOrder order) {
        if (order.paidAt() != null) {
            return settle(tx, received, order.id(), Outcome.IGNORED.name(), "already paid after it expired");
        }
        return inventory.sellAfterRelease(tx, order.id(), order.region()).flatMap(sold -> {
            if (sold) {
                OrderStateMachine.State paid = new OrderStateMachine.State(OrderStatus.PAID, order.total(),
                        order.currency(), 0);
                LOG.infof("Order %s was paid after it expired; its stock was still there", order.number());
                return orders.applyPayment(tx, order.id(), paid, true, null)
                        .flatMap(v -> settle(tx, received, order.id(), Outcome.PAID_AFTER_EXPIRY.name(),
                                "paid after it expired; the stock was still available"));
            }
            String detail = "Paid after the order expired, when its stock was gone: refunded in full.";
            LOG.warnf("Order %s was paid after it expired and its stock is gone; refunding %d %s", order.number(),
                    order.total(), order.currency());
            return orders.paidAfterExpiry(tx, order.id(), detail)
                    .flatMap(v -> orders.addRefund(tx, order.id(), order.total() - order.refunded(), SYSTEM, detail,
                            true))
                    .flatMap(v -> settle(tx, received, order.id(), REFUND_DUE, detail));
        });
    }

    private Uni<Optional<StoredOrder>> findOrder(SqlClient tx, Received received) {
        if (received.orderId() != null) {
            return orders.find(tx, received.orderId(), true);
        }
        if (received.paymentIntentId() != null) {
            return orders.findByPaymentIntent(tx, received.paymentIntentId());
        }
        return Uni.createFrom().item(Optional.empty());
    }

    private Uni<String> settle(SqlClient tx, Received received, UUID orderId, String outcome, String detail) {
        return tx.preparedQuery("update payment_event set order_id = $2, outcome = $3, detail = $4 where id = $1")
                .execute(Tuple.of(received.id(), orderId, outcome, detail))
                .replaceWith(outcome);
    }
}
