package storefront.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.availability.Reason;
import storefront.common.Money;

/** Requests and answers of the cart API. */
public final class CartApi {

    /** Most units of one SKU in a cart. */
    public static final int MAX_QUANTITY = 10;
    /** Most lines in a cart. */
    public static final int MAX_LINES = 50;

    private CartApi() {
    }

    @Schema(name = "NewCart")
    public record NewCart(
            @Schema(description = "The shopper's region; it decides what the cart may hold, its currency and tax.",
                    examples = "US")
            @NotBlank String region) {
    }

    @Schema(name = "LineQuantity")
    public record LineQuantity(
            @Schema(description = "Units of the SKU, 1 to 10.", examples = "2")
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    @Schema(name = "Cart", description = "A cart in one region. Its id is its only key: keep it secret.")
    public record CartView(
            UUID id,
            String region,
            String currency,
            @Schema(description = "In the order they were added.") List<CartLine> lines,
            @Schema(description = "Of the lines that can be bought now. Tax is at the region's default rate "
                    + "until checkout knows the shipping address.") PriceSummary totals,
            @Schema(description = "False when a line can no longer be bought (see its reasons) or the cart is empty.")
            boolean purchasable,
            @Schema(nullable = true, description = "Set once the cart has been checked out; the cart can no longer "
                    + "change.")
            UUID orderId,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "CartLine")
    public record CartLine(
            @Schema(examples = "MI-BAND-8-BLACK") String sku,
            @Schema(description = "Product slug.", examples = "mi-band-8") String product,
            @Schema(description = "Product name in the response's language.") String name,
            Map<String, String> options,
            int quantity,
            @Schema(nullable = true, description = "Current price in the region; null when there is none.")
            Money unitPrice,
            Money lineTotal,
            @Schema(description = "Whether the SKU can be bought in the cart's region now. An ops change since "
                    + "it was added can make it unavailable; it stays in the cart, flagged, until removed.")
            boolean available,
            @Schema(description = "Why it is unavailable.") List<Reason> reasons) {
    }

    @Schema(name = "PriceSummary", description = "What a cart or an order costs, in minor units. Tax is computed "
            + "once on goods plus shipping and rounded half up to the minor unit.")
    public record PriceSummary(
            Money subtotal,
            @Schema(description = "What shipping costs: in a cart, by the region's first delivery method for these "
                    + "goods; in an order, by the method chosen at checkout. None for an empty cart.") Money shipping,
            @Schema(description = "Included in the prices (VAT, GST) or added to them (US sales tax).") Money tax,
            @Schema(description = "Tax rate in basis points (1900 = 19 %).", examples = "1900") int taxRateBps,
            @Schema(description = "True when subtotal and shipping already include the tax.") boolean taxIncluded,
            Money total) {

        public static PriceSummary of(Totals.Amounts amounts, String currency) {
            return new PriceSummary(new Money(amounts.subtotal(), currency), new Money(amounts.shipping(), currency),
                    new Money(amounts.tax(), currency), amounts.taxRateBps(), amounts.taxIncluded(),
                    new Money(amounts.total(), currency));
        }
    }
}
