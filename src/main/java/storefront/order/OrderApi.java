package storefront.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.stores.StoreApi;
import storefront.cart.CartApi.PriceSummary;
import storefront.common.Money;
import storefront.fulfilment.FulfilmentKind;
import storefront.fulfilment.FulfilmentMachine;
import storefront.fulfilment.FulfilmentStatus;
import storefront.fulfilment.ReturnStatus;

/** What the order API answers. */
public final class OrderApi {

    private OrderApi() {
    }

    @Schema(name = "ShippingAddress")
    public record ShippingAddress(
            @Schema(examples = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "1 Main Street") @NotBlank @Size(max = 200) String line1,
            @Schema(nullable = true) @Size(max = 200) String line2,
            @Schema(examples = "Springfield") @NotBlank @Size(max = 100) String city,
            @Schema(nullable = true, examples = "62701") @Size(max = 20) String postalCode,
            @Schema(description = "State or province code (ISO 3166-2 without the country), required in the US: "
                    + "sales tax depends on it.", examples = "IL", nullable = true)
            @Pattern(regexp = "[A-Za-z0-9]{1,3}", message = "must be a state or province code such as CA") String state,
            @Schema(description = "ISO 3166-1 alpha-2 country. It must be one the cart's region ships to.",
                    examples = "US")
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code")
            String country) {
    }

    @Schema(name = "OrderLine", description = "A line as it was sold: name, SKU and price are a snapshot.")
    public record OrderLine(String sku, String product, String name, Map<String, String> options, int quantity,
                            Money unitPrice, Money lineTotal) {
    }

    @Schema(name = "OrderPayment")
    public record Payment(
            @Schema(description = "stripe or manual.") String provider,
            @Schema(nullable = true, description = "The Stripe PaymentIntent, once created.") String paymentIntentId,
            @Schema(nullable = true, description = "Why the last attempt failed, while the order is still payable.")
            String lastError) {
    }

    @Schema(name = "Order")
    public record OrderView(
            UUID id,
            @Schema(description = "For people: on receipts and in support.", examples = "US-00000042") String number,
            OrderStatus status,
            String region,
            String email,
            ShippingAddress shippingAddress,
            List<OrderLine> lines,
            PriceSummary totals,
            @Schema(description = "How much of the total has been refunded.") Money refunded,
            Payment payment,
            Instant createdAt,
            @Schema(nullable = true, description = "When the payment succeeded; null until then.") Instant paidAt,
            @Schema(description = "Until when the order's stock is held for its payment; after that a pending order "
                    + "becomes EXPIRED. Null once the order is paid, expired or cancelled.", nullable = true)
            Instant reservedUntil,
            @Schema(nullable = true, description = "How it ships: the delivery method it was priced with (PICKUP "
                    + "for a pickup at a store); null for orders placed before delivery methods existed.")
            Delivery delivery,
            @Schema(nullable = true, description = "For an order picked up at a store: the store and the code to "
                    + "give there; null for an order that ships.") Pickup pickup,
            @Schema(description = "What leaves which stock location for this order, from payment on: one "
                    + "fulfilment per location it was allocated to (empty until the order is paid).")
            List<Fulfilment> fulfilments,
            @Schema(description = "What the fulfilments add up to: NONE until the order is paid, then PROCESSING "
                    + "while every unit is at its location; SENT once all have left (shipped, or ready at the pickup "
                    + "store), DELIVERED once all are with the shopper (delivered or collected); PARTIALLY_ on the "
                    + "way; CANCELLED when every fulfilment was.")
            FulfilmentMachine.Progress fulfilment,
            @Schema(nullable = true, description = "Set once the order was cancelled after it was paid; what was "
                    + "paid is refunded (see refunded and status).") Cancellation cancellation,
            @Schema(nullable = true, description = "Until when delivered or collected units may be asked back: the "
                    + "region's return window after the order's last delivery; null until something is delivered.")
            Instant returnBy,
            @Schema(description = "The shopper's returns, oldest first.") List<Return> returns,
            @Schema(description = "Refunds asked of the payment provider, oldest first (for a cancellation, a "
                    + "return, or by ops); `refunded` is what the provider has confirmed.") List<Refund> refunds) {
    }

    @Schema(name = "OrderRefund")
    public record Refund(@Schema(description = "When it was asked of the payment provider.") Instant at,
                         Money amount) {
    }

    @Schema(name = "OrderReturn", description = "Units a shopper sends back, and what became of them.")
    public record Return(
            UUID id,
            @Schema(description = "1, 2, ... within the order.") int number,
            ReturnStatus status,
            @Schema(description = "The shopper's reason.") String reason,
            List<ReturnLine> lines,
            Instant requestedAt,
            @Schema(nullable = true, description = "The stock location that received the parcel.") String location,
            @Schema(nullable = true) Instant receivedAt,
            @Schema(nullable = true, description = "Once refunded: what the return gave back.") Money refund,
            @Schema(nullable = true, description = "Once refused: why.") String refusal,
            @Schema(nullable = true, description = "When it was refunded or refused.") Instant decidedAt) {
    }

    @Schema(name = "OrderReturnLine")
    public record ReturnLine(
            @Schema(examples = "MI-BAND-8-BLACK") String sku,
            int quantity,
            @Schema(nullable = true, description = "Once inspected: the units put back in stock.") Integer restocked,
            @Schema(nullable = true, description = "Once inspected: the units written off.") Integer writtenOff) {
    }

    @Schema(name = "OrderCancellation")
    public record Cancellation(
            Instant at,
            @Schema(description = "Who cancelled: the shopper or ops.") By by,
            @Schema(nullable = true, description = "Why, as given.") String reason) {

        /** Who cancels an order. */
        public enum By { SHOPPER, OPS }

        /** How {@code cancelled_by} is stored: {@code shopper}, or {@code ops:} and the operator. */
        static By by(String stored) {
            return stored.startsWith("ops:") ? By.OPS : By.SHOPPER;
        }
    }

    @Schema(name = "OrderFulfilment", description = "Units of an order that leave one stock location together: a "
            + "parcel, or a pickup at the order's store.")
    public record Fulfilment(
            @Schema(description = "1, 2, ... within the order.") int number,
            FulfilmentKind kind,
            FulfilmentStatus status,
            @Schema(description = "The stock location the units leave from.", examples = "wh-us") String location,
            List<FulfilmentLine> lines,
            @Schema(nullable = true, description = "Once shipped.") String carrier,
            @Schema(nullable = true, description = "Once shipped.") String trackingNumber,
            @Schema(nullable = true, description = "Once shipped, where the carrier shows it.") String trackingUrl,
            @Schema(nullable = true) Instant shippedAt,
            @Schema(nullable = true) Instant deliveredAt,
            @Schema(nullable = true, description = "When it was ready at the pickup store.") Instant readyAt,
            @Schema(nullable = true) Instant collectedAt) {
    }

    @Schema(name = "OrderFulfilmentLine")
    public record FulfilmentLine(@Schema(examples = "MI-BAND-8-BLACK") String sku, int quantity) {
    }

    @Schema(name = "OrderPickup", description = "Where the order is picked up, and the code that proves it is yours.")
    public record Pickup(
            @Schema(description = "The store as it was at checkout.") PickupStore store,
            @Schema(description = "Give it at the store's counter; never share it.", examples = "K7Q2M9XD") String code) {
    }

    @Schema(name = "PickupStore", description = "A store an order is picked up at: where, and when it opens.")
    public record PickupStore(
            @Schema(examples = "us-sf-0001") String id,
            @Schema(examples = "Mi Store San Francisco") String name,
            StoreApi.Address address,
            @Schema(description = "IANA time zone the hours are in.", examples = "America/Los_Angeles") String timeZone,
            List<StoreApi.Hours> openingHours,
            @Schema(nullable = true) String phone) {
    }

    @Schema(name = "OrderDelivery", description = "The delivery method an order ships by, as it was at checkout.")
    public record Delivery(
            @Schema(examples = "EXPRESS") String method,
            @Schema(examples = "Express delivery") String name,
            @Schema(description = "Fewest days it takes; null for a pickup (the store says when it is ready).",
                    nullable = true) Integer minDays,
            @Schema(description = "Most days it takes; null for a pickup.", nullable = true) Integer maxDays) {
    }

    @Schema(name = "OrderPage")
    public record OrderPage(List<OrderView> items,
                            @Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the "
                                    + "last page.")
                            String nextCursor) {
    }
}
