package storefront.order;

/**
 * What the payment provider says happened to an order's payment. Amounts are in
 * the minor units of the order's currency (ISO 4217), already converted from
 * the provider's units.
 */
public sealed interface PaymentEvent {

    /** The payment succeeded for this amount. */
    record Succeeded(long amount, String currency) implements PaymentEvent {
    }

    /** An attempt failed; the shopper may try again. */
    record Failed(String message) implements PaymentEvent {
    }

    /** The payment was cancelled; it can no longer succeed. */
    record Canceled() implements PaymentEvent {
    }

    /**
     * The charge has been refunded up to {@code refundedTotal} (cumulative, as
     * the provider reports it) of the {@code captured} amount.
     */
    record Refunded(long captured, long refundedTotal, String currency) implements PaymentEvent {
    }
}
