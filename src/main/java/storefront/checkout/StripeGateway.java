package storefront.checkout;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import storefront.common.ProblemException;
import storefront.order.PaymentEvent;

/**
 * Stripe through stripe-java. Its calls block, so they run on a worker thread,
 * never on the event loop, and never inside a database transaction. Every call
 * that creates carries an idempotency key derived from what it is for, so a
 * retry (ours or stripe-java's) never makes a second PaymentIntent or refund.
 */
final class StripeGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class);

    /** Stripe's error code for a PaymentIntent that has already succeeded or been cancelled. */
    private static final String UNEXPECTED_STATE = "payment_intent_unexpected_state";

    private final StripeClient client;
    /** Where the client sends its requests (STRIPE_API_BASE), named in the logs. */
    private final String apiBase;

    StripeGateway(StripeClient client, String apiBase) {
        this.client = client;
        this.apiBase = apiBase;
    }

    @Override
    public String name() {
        return STRIPE;
    }

    @Override
    public Uni<PaymentSession> paymentFor(OrderPayment order) {
        return blocking("create a payment", () -> {
            PaymentIntent intent;
            if (order.paymentIntentId() != null) {
                intent = client.v1().paymentIntents().retrieve(order.paymentIntentId());
            } else {
                PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                        .setAmount(StripeAmounts.toStripe(order.amount(), order.currency()))
                        .setCurrency(StripeAmounts.stripeCurrency(order.currency()))
                        .putMetadata("order_id", order.orderId().toString())
                        .putMetadata("order_number", order.orderNumber())
                        .setDescription("Order " + order.orderNumber())
                        .setReceiptEmail(order.email())
                        .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                                .setEnabled(true).build())
                        .build();
                RequestOptions options = RequestOptions.builder()
                        .setIdempotencyKey("storefront-order-" + order.orderId()).build();
                intent = client.v1().paymentIntents().create(params, options);
            }
            return new PaymentSession(intent.getId(), intent.getClientSecret());
        });
    }

    @Override
    public Uni<String> refund(OrderPayment order, long amount, String idempotencyKey) {
        return blocking("refund a payment", () -> {
            RefundCreateParams params = RefundCreateParams.builder()
                    .setPaymentIntent(order.paymentIntentId())
                    .setAmount(StripeAmounts.toStripe(amount, order.currency()))
                    .putMetadata("order_id", order.orderId().toString())
                    .build();
            RequestOptions options = RequestOptions.builder()
                    .setIdempotencyKey("storefront-refund-" + order.orderId() + "-" + idempotencyKey).build();
            Refund refund = client.v1().refunds().create(params, options);
            return refund.getId();
        });
    }

    @Override
    public Uni<Optional<PaymentEvent>> lookup(OrderPayment order) {
        return blocking("look up a payment", () -> {
            PaymentIntent intent = client.v1().paymentIntents().retrieve(order.paymentIntentId());
            return Optional.ofNullable(switch (String.valueOf(intent.getStatus())) {
                case "succeeded" -> new PaymentEvent.Succeeded(
                        StripeAmounts.fromStripe(intent.getAmountReceived(), order.currency()),
                        intent.getCurrency().toUpperCase(Locale.ROOT));
                case "canceled" -> new PaymentEvent.Canceled();
                case "requires_payment_method" -> intent.getLastPaymentError() == null ? null
                        : new PaymentEvent.Failed(String.valueOf(intent.getLastPaymentError().getMessage()));
                default -> null; // processing, requires_action, ...: the shopper is still at it
            });
        });
    }

    @Override
    public Uni<Void> cancel(OrderPayment order) {
        return blocking("cancel a payment", () -> {
            try {
                client.v1().paymentIntents().cancel(order.paymentIntentId(),
                        PaymentIntentCancelParams.builder()
                                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build(),
                        RequestOptions.builder().setIdempotencyKey("storefront-cancel-" + order.orderId()).build());
            } catch (InvalidRequestException e) {
                if (!UNEXPECTED_STATE.equals(e.getCode())) {
                    throw e;
                }
                LOG.infof("Payment %s of order %s can no longer be cancelled: %s", order.paymentIntentId(),
                        order.orderNumber(), e.getMessage());
            }
            return null;
        }).replaceWithVoid();
    }

    private <T> Uni<T> blocking(String what, Callable<T> call) {
        return Uni.createFrom().item(() -> {
                    try {
                        return call.call();
                    } catch (StripeException e) {
                        throw failure(what, e);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Unreachable, rate limited or failing on its side: 503, retry later with the
     * same Idempotency-Key. A refusal of what we sent: 502, our side is wrong.
     */
    ProblemException failure(String what, StripeException e) {
        Integer status = e.getStatusCode();
        boolean transient_ = e instanceof ApiConnectionException || status == null || status == 409 || status == 429
                || status >= 500;
        if (transient_) {
            // stripe-java names the default API base in a connection failure's message, not the one the client
            // uses: name the configured one, and the cause.
            String why = e instanceof ApiConnectionException && e.getCause() != null ? e.getCause().toString()
                    : e.getMessage();
            LOG.warnf("Stripe at %s unavailable trying to %s: %s (request %s)", apiBase, what, why, e.getRequestId());
            return new ProblemException(503, "PAYMENT_PROVIDER_UNAVAILABLE", "Payment provider unavailable",
                    "The payment provider could not be reached. Retry with the same Idempotency-Key.").retryAfter(5);
        }
        LOG.errorf("Stripe at %s refused to %s: HTTP %d %s (request %s)", apiBase, what, status, e.getMessage(),
                e.getRequestId());
        return new ProblemException(502, "PAYMENT_PROVIDER_ERROR", "Payment provider error",
                "The payment provider refused the request. It has been logged; retrying may not help.");
    }
}
