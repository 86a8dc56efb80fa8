package storefront.aftersale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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

    @Schema(name = "ReturnRequest", description = "Units to send back, and why.")
    public record ReturnInput(
            @Schema(description = "Delivered (or collected) units of the order.") @NotNull @Size(min = 1, max = 100)
            List<@Valid UnitsInput> lines,
            @Schema(examples = "Too small for my wrist") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "ReturnReceipt", description = "Where the parcel was received.")
    public record ReceiveInput(
            @Schema(description = "A stock location of the order's region: a warehouse, or the store it was handed "
                    + "in at.", examples = "wh-eu") @NotBlank @Size(max = 64) String location,
            @Schema(nullable = true) @Size(max = 500) String note) {
    }

    @Schema(name = "ReturnRefundDecision", description = "What inspection found: how each SKU's units end, and "
            + "what is given back.")
    public record RefundInput(
            @Schema(nullable = true, description = "Per SKU of the return; every unit restocked when absent.")
            @Size(min = 1, max = 100) List<@Valid DispositionInput> lines,
            @Schema(nullable = true, description = "At most what the return rule gives; that amount when absent. "
                    + "0 refunds nothing (a unit returned damaged by the shopper).") @PositiveOrZero Long refundMinor,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 300) String reason) {
    }

    @Schema(name = "ReturnDisposition")
    public record DispositionInput(
            @Schema(examples = "MI-BAND-8-BLACK") @NotBlank @Size(max = 64) String sku,
            @Schema(description = "Units put back in stock at the receiving location.") @PositiveOrZero int restock,
            @Schema(description = "Units written off.") @PositiveOrZero int writeOff) {
    }

    @Schema(name = "ReturnRefusal")
    public record RefusalInput(@Schema(description = "Why, for the shopper and the audit log.") @NotBlank
                               @Size(max = 500) String reason) {
    }

    /**
     * Lines as units per SKU; 400 naming each line that repeats a SKU, or that is null.
     * {@code sku} and {@code value} read a line.
     */
    static <T, V> java.util.Map<String, V> bySku(List<T> lines, java.util.function.Function<T, String> sku,
                                              java.util.function.Function<T, V> value) {
        java.util.Map<String, V> units = new java.util.LinkedHashMap<>();
        List<storefront.common.Problem.FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            T line = lines.get(i);
            if (line == null) {
                errors.add(new storefront.common.Problem.FieldError("lines[" + i + "]", "must not be null"));
            } else if (units.putIfAbsent(sku.apply(line).strip(), value.apply(line)) != null) {
                errors.add(new storefront.common.Problem.FieldError("lines[" + i + "].sku", "is named twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw storefront.common.ProblemException.invalid(errors);
        }
        return units;
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
