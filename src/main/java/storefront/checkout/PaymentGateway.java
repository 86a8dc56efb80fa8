package storefront.checkout;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import storefront.order.PaymentEvent;
import java.util.UUID;

/** The payment provider checkout and refunds talk to: Stripe, or the manual provider of dev mode. */
public interface PaymentGateway {

    String STRIPE = "stripe";
    String MANUAL = "manual";

    /** The order as the provider needs it. {@code paymentIntentId}: the payment made for it earlier, if any. */
    record OrderPayment(UUID orderId, String orderNumber, long amount, String currency, String email,
                        String paymentIntentId) {
    }

    /** What the frontend needs to collect the payment; both null for the manual provider. */
    record PaymentSession(String paymentIntentId, String clientSecret) {
    }

    String name();

    /**
     * The payment of an order: created once per order (a retry gets the same one)
     * or found again. Fails with a 502/503 problem when the provider cannot be reached.
     */
    Uni<PaymentSession> paymentFor(OrderPayment order);

    /** Asks for a refund of part or all of a paid order; answers the provider's refund id. Idempotent per key. */
    Uni<String> refund(OrderPayment order, long amount, String idempotencyKey);

    /**
     * Cancels the order's payment so that it can no longer succeed. A payment that
     * cannot be cancelled any more (it succeeded meanwhile) is not an error: its
     * success event settles the order. Fails with a 503 problem when the provider
     * cannot be reached, to be tried again.
     */
    Uni<Void> cancel(OrderPayment order);

    /**
     * What the provider says became of the order's payment, when it is settled
     * (succeeded, cancelled, or failed and waiting for another attempt); empty
     * while the shopper is still paying, or for a provider with nothing to ask.
     */
    default Uni<Optional<PaymentEvent>> lookup(OrderPayment order) {
        return Uni.createFrom().item(Optional.empty());
    }

    /** Whether the provider settles payments by itself (webhooks); the manual one needs an ops call. */
    default boolean automatic() {
        return true;
    }
}
