package storefront.aftersale;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.fulfilment.ReturnStatus;

/** The {@code data} of return events. */
@Schema(name = "ReturnEventData", description = "A shopper's return after it moved.")
public record ReturnEvent(
        @Schema(description = "The order's number.", examples = "EU-00000042") String order,
        UUID orderId,
        @Schema(examples = "EU") String region,
        @Schema(description = "The return's id.") UUID returnId,
        @Schema(description = "1, 2, ... within the order.") int number,
        ReturnStatus status,
        List<Units> lines,
        @Schema(nullable = true, description = "The stock location that received it.") String location,
        @Schema(nullable = true, description = "Once refunded: what it gave back, in minor units.") Long refundMinor,
        String currency,
        @Schema(nullable = true, description = "Once refused: why.") String refusal) {

    @Schema(name = "ReturnUnits")
    public record Units(@Schema(examples = "MI-BAND-8-BLACK") String sku, int quantity) {
    }
}
