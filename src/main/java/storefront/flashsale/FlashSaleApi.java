package storefront.flashsale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.common.Money;
import storefront.order.OrderApi.ShippingAddress;

/** Request and response bodies of flash sales. */
public final class FlashSaleApi {

    private FlashSaleApi() {
    }

    /** Where a sale stands for shoppers. */
    public enum SaleState {
        /** Announced: visible, not yet buyable. */
        ANNOUNCED,
        LIVE,
        /** Live, but every unit is claimed (units of expired claims come back). */
        SOLD_OUT,
        ENDED
    }

    @Schema(name = "NewFlashSale")
    public record NewFlashSale(
            @Schema(examples = "REDMI-NOTE-3-16GB-GOLD") @NotBlank @Size(max = 64) String sku,
            @Schema(examples = "IN") @NotBlank @Size(max = 8) String region,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @Schema(description = "Sale price in minor units of the region's currency.", examples = "699900")
            @NotNull @Min(1) Long priceMinor,
            @Schema(description = "Units on sale; set aside from the region's available stock at once.",
                    examples = "1000")
            @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            @Schema(description = "Units one account, and one shipping address, may hold. Default 1.",
                    examples = "1")
            @Min(1) @Max(10) Integer perCustomerLimit,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "FlashSale", description = "A flash sale as shoppers see it.")
    public record FlashSaleView(
            UUID id,
            @Schema(examples = "REDMI-NOTE-3-16GB-GOLD") String sku,
            @Schema(examples = "redmi-note-3") String product,
            @Schema(examples = "IN") String region,
            Money price,
            Instant startsAt,
            Instant endsAt,
            int perCustomerLimit,
            SaleState state) {
    }

    @Schema(name = "FlashSaleList")
    public record FlashSaleList(List<FlashSaleView> items) {
    }

    @Schema(name = "FlashSaleAdmin", description = "A flash sale with its counts, for ops.")
    public record FlashSaleAdminView(
            FlashSaleView sale,
            int quantity,
            @Schema(description = "Units in the pool, claimable now.") int remaining,
            @Schema(description = "Claims holding a unit for checkout.") int granted,
            @Schema(description = "Claims an unpaid order holds.") int ordered,
            int sold,
            @Schema(description = "Claims never used, their units returned.") int expired,
            @Schema(description = "Claims whose order expired or was cancelled, their units returned.") int released,
            String createdBy,
            @Schema(description = "When the units left in the pool went back to stock.", nullable = true)
            Instant settledAt) {
    }

    @Schema(name = "FlashClaimRequest")
    public record ClaimRequest(
            @Schema(description = "Where the unit will ship. The per-customer limit also counts per address, and "
                    + "checkout must ship to this same address.")
            @NotNull @Valid ShippingAddress shippingAddress) {
    }

    @Schema(name = "FlashClaim", description = "A unit held for its shopper until expiresAt: pass claimToken in "
            + "the checkout's flashClaims with a cart holding the SKU.")
    public record ClaimView(
            @Schema(description = "Present it at checkout, signed in as the same shopper.") String claimToken,
            UUID saleId,
            String sku,
            String region,
            Money price,
            @Schema(description = "GRANTED, then ORDERED and SOLD; EXPIRED if unused by expiresAt; RELEASED if its "
                    + "order expired or was cancelled.")
            String status,
            Instant expiresAt) {
    }
}
