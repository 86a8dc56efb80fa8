package storefront.checkout;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * For dev mode without Stripe keys: nothing is charged; an ops call marks the
 * order paid (POST /api/v1/admin/orders/{id}/manual-payment) and refunds apply
 * at once. Never active in production.
 */
final class ManualGateway implements PaymentGateway {

    @Override
    public String name() {
        return MANUAL;
    }

    @Override
    public Uni<PaymentSession> paymentFor(OrderPayment order) {
        return Uni.createFrom().item(new PaymentSession(null, null));
    }

    @Override
    public Uni<String> refund(OrderPayment order, long amount, String idempotencyKey) {
        return Uni.createFrom().item("manual_re_" + UUID.randomUUID());
    }

    @Override
    public Uni<Void> cancel(OrderPayment order) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public boolean automatic() {
        return false;
    }
}
