package storefront.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.cart.CartApi.PriceSummary;
import storefront.order.OrderApi.ShippingAddress;
import storefront.order.OrderStatus;

/** Requests and answers of checkout and refunds. */
public final class CheckoutApi {

    private CheckoutApi() {
    }

    @Schema(name = "CheckoutRequest")
    public record CheckoutRequest(
            @Schema(description = "Where the receipt goes; a guest's only contact.", examples = "ada@example.com")
            @NotBlank @Email @Size(max = 254) String email,
            @Schema(description = "Where it ships: its country must be one the cart's region ships to. Give "
                    + "this or pickupStore.", nullable = true)
            @Valid ShippingAddress shippingAddress,
            @Schema(description = "Tokens of flash-sale claims (signed in as the shopper who claimed them): each "
                    + "buys one unit of its SKU at the sale price. The cart must hold exactly as many units of that "
                    + "SKU as there are claims for it, and the address must be the one given when claiming.")
            @Size(max = 10) List<@NotBlank @Size(max = 64) String> flashClaims,
            @Schema(description = "The code of one of the region's delivery methods that serves the address "
                    + "(GET /regions/{region}/delivery-methods); absent: the first of them.", examples = "EXPRESS",
                    nullable = true)
            @Size(max = 32) String deliveryMethod,
            @Schema(description = "Instead of shippingAddress: the id of an open store of the cart's region that "
                    + "offers PICKUP (GET /stores?near=<lat,lon>&service=PICKUP). The order is picked up there, "
                    + "with no shipping cost, taxed where the store is; the order carries the store and a pickup "
                    + "code.",
                    nullable = true, examples = "us-sf-0001")
            @Size(max = 64) String pickupStore) {

        public List<String> claims() {
            return flashClaims == null ? List.of() : flashClaims;
        }
    }

    @Schema(name = "CheckoutPayment", description = "What the frontend needs to collect the payment.")
    public record PaymentSession(
            @Schema(description = "stripe, or manual in dev mode (an ops call confirms the order).") String provider,
            @Schema(nullable = true, description = "Null with the manual provider.") String paymentIntentId,
            @Schema(nullable = true, description = "Give it to Stripe.js or the mobile SDK to confirm the payment; "
                    + "never log it. Null with the manual provider.")
            String clientSecret) {
    }

    @Schema(name = "CheckoutResult")
    public record CheckoutResult(
            UUID orderId,
            @Schema(examples = "US-00000042") String orderNumber,
            OrderStatus status,
            @Schema(description = "Send it as the Order-Token header to read the order. Keep it: it is not shown "
                    + "again (a replay of this checkout answers the same one).")
            String accessToken,
            PriceSummary totals,
            PaymentSession payment) {
    }

    @Schema(name = "RefundRequest")
    public record RefundRequest(
            @Schema(description = "Minor units to give back; the whole remaining amount when absent.", examples = "1000")
            @Positive Long amountMinor,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "RefundResult")
    public record RefundResult(
            UUID refundId,
            @Schema(nullable = true, description = "The provider's id for the refund; null until it is known.")
            String providerRefundId,
            long amountMinor,
            String currency,
            @Schema(description = "The order's status now. With Stripe it changes when Stripe reports the refund "
                    + "(charge.refunded); with the manual provider at once.") OrderStatus orderStatus) {
    }
}
