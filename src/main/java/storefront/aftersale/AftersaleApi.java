package storefront.aftersale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the after-payment doors take. */
public final class AftersaleApi {

    private AftersaleApi() {
    }

    @Schema(name = "FulfilmentNote", description = "An optional note for the audit log.")
    public record Note(@Schema(nullable = true) @Size(max = 500) String note) {
    }

    @Schema(name = "ShipmentInput", description = "How a fulfilment leaves: the carrier's tracking and, to ship "
            + "part of it, which units (the rest stays behind as a new fulfilment).")
    public record ShipmentInput(
            @Schema(examples = "DHL") @NotBlank @Size(max = 100) String carrier,
            @Schema(examples = "JD014600006281234567") @NotBlank @Size(max = 100) String trackingNumber,
            @Schema(nullable = true, description = "Where the carrier shows the parcel; https only.",
                    examples = "https://www.dhl.com/track?id=JD014600006281234567")
            @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String trackingUrl,
            @Schema(nullable = true, description = "The units that ship; all of the fulfilment's when absent.")
            @Size(min = 1, max = 100) List<@Valid UnitsInput> lines,
            @Schema(nullable = true) @Size(max = 500) String note) {
    }

    @Schema(name = "ShipmentUnits")
    public record UnitsInput(@Schema(examples = "MI-BAND-8-BLACK") @NotBlank @Size(max = 64) String sku,
                             @Positive int quantity) {
    }

    @Schema(name = "PickupHandover", description = "The code the shopper shows at the counter.")
    public record Handover(
            @Schema(examples = "K7Q2M9XD") @NotBlank @Size(max = 20) String pickupCode,
            @Schema(nullable = true) @Size(max = 500) String note) {
    }

    @Schema(name = "ShopperCancellation")
    public record ShopperCancel(@Schema(nullable = true, description = "Why, if the shopper says.")
                                @Size(max = 300) String reason) {
    }

    @Schema(name = "OpsCancellation")
    public record OpsCancel(@Schema(description = "Why, for the audit log and the shopper.") @NotBlank @Size(max = 300)
                            String reason) {
    }
}
