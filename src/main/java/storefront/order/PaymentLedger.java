package storefront.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import storefront.order.OrderRepository.StoredOrder;
import storefront.order.OrderStateMachine.Outcome;
import storefront.order.OrderStateMachine.Transition;

/**
 * Records what the payment provider says, once per event, and moves the order
 * accordingly, in the caller's transaction. The event's primary key makes a
 * redelivery a no-op; the order's row lock orders concurrent events; the state
 * machine ignores stale ones.
 */
@Singleton
public class PaymentLedger {

    private static final Logger LOG = Logger.getLogger(PaymentLedger.class);

    /** An event as received: {@code event} is null for a type that changes no order. */
    public record Received(String id, String type, UUID orderId, String paymentIntentId, PaymentEvent event,
                           String payloadJson) {
    }

    private final OrderRepository orders;

    PaymentLedger(OrderRepository orders) {
        this.orders = orders;
    }

    /**
     * Records and applies the event; answers its outcome: DUPLICATE, IGNORED_TYPE,
     * UNKNOWN_ORDER, OTHER_PAYMENT_INTENT or one of {@link Outcome}.
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
        }
        return write.flatMap(v -> settle(tx, received, order.id(), transition.outcome().name(), transition.detail()));
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
