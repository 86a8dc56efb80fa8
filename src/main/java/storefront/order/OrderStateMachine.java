package storefront.order;

import storefront.order.PaymentEvent.Canceled;
import storefront.order.PaymentEvent.Failed;
import storefront.order.PaymentEvent.Refunded;
import storefront.order.PaymentEvent.Succeeded;

/**
 * The order's payment states and the transitions events cause. Pure: no I/O.
 *
 * <p>Events may arrive twice, late or out of order. A transition that is stale
 * (a failure after success) or impossible (a cancellation of a paid order)
 * changes nothing. Refunds are cumulative amounts, so an older refund event
 * never lowers what a newer one recorded, and a refund that arrives before
 * the success it implies settles the order as paid and refunded.
 */
public final class OrderStateMachine {

    /** What the machine needs to know of an order. */
    public record State(OrderStatus status, long total, String currency, long refunded) {
    }

    public enum Outcome {
        /** The order changed. */
        APPLIED,
        /** A failed attempt was recorded; the order stays payable. */
        FAILURE_RECORDED,
        /** Stale or impossible for the order's state: nothing changed. */
        IGNORED,
        /** Amount or currency differ from the order's: nothing changed. */
        AMOUNT_MISMATCH,
        /**
         * The payment succeeded after the order expired: nothing changed here;
         * whether it can still be fulfilled depends on the stock (see PaymentLedger).
         */
        PAID_AFTER_EXPIRY
    }

    /** The state after an event, and what the event did. */
    public record Transition(State state, Outcome outcome, String detail) {

        public boolean becamePaid(State before) {
            return !before.status().paid() && state.status().paid();
        }
    }

    private OrderStateMachine() {
    }

    public static Transition apply(State order, PaymentEvent event) {
        if (event instanceof Succeeded s) {
            return succeeded(order, s);
        }
        if (event instanceof Failed f) {
            return order.status() == OrderStatus.PENDING_PAYMENT
                    ? new Transition(order, Outcome.FAILURE_RECORDED, f.message())
                    : ignored(order, "payment failure after the order left PENDING_PAYMENT");
        }
        if (event instanceof Canceled) {
            return order.status() == OrderStatus.PENDING_PAYMENT
                    ? applied(order, OrderStatus.CANCELLED, order.refunded())
                    : ignored(order, "cancellation of an order in " + order.status());
        }
        return refunded(order, (Refunded) event);
    }

    private static Transition succeeded(State order, Succeeded s) {
        if (!order.currency().equals(s.currency()) || order.total() != s.amount()) {
            return mismatch(order, s.amount(), s.currency());
        }
        if (order.status() == OrderStatus.EXPIRED) {
            return new Transition(order, Outcome.PAID_AFTER_EXPIRY, "payment succeeded after the order expired");
        }
        return order.status() == OrderStatus.PENDING_PAYMENT
                ? applied(order, OrderStatus.PAID, 0)
                : ignored(order, "payment success for an order in " + order.status());
    }

    private static Transition refunded(State order, Refunded r) {
        if (!order.currency().equals(r.currency()) || order.total() != r.captured()
                || r.refundedTotal() < 0 || r.refundedTotal() > r.captured()) {
            return mismatch(order, r.captured(), r.currency());
        }
        if (order.status() == OrderStatus.CANCELLED) {
            return ignored(order, "refund of a cancelled order");
        }
        boolean expired = order.status() == OrderStatus.EXPIRED;
        if ((order.status().paid() || expired) && r.refundedTotal() <= order.refunded()) {
            return ignored(order, "refund total " + r.refundedTotal() + " is not above the "
                    + order.refunded() + " already recorded");
        }
        long refunded = Math.max(order.refunded(), r.refundedTotal());
        OrderStatus status = refunded == order.total() ? OrderStatus.REFUNDED
                : expired ? OrderStatus.EXPIRED
                : refunded == 0 ? OrderStatus.PAID : OrderStatus.PARTIALLY_REFUNDED;
        return applied(order, status, refunded);
    }

    private static Transition applied(State order, OrderStatus status, long refunded) {
        return new Transition(new State(status, order.total(), order.currency(), refunded), Outcome.APPLIED, null);
    }

    private static Transition ignored(State order, String why) {
        return new Transition(order, Outcome.IGNORED, why);
    }

    private static Transition mismatch(State order, long amount, String currency) {
        return new Transition(order, Outcome.AMOUNT_MISMATCH, "event amount " + amount + " " + currency
                + " does not match the order's " + order.total() + " " + order.currency());
    }
}
