package storefront.fulfilment;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code data} of fulfilment events. */
@Schema(name = "FulfilmentEventData", description = "A fulfilment of an order after it moved.")
public record FulfilmentEvent(
        @Schema(description = "The order's number.", examples = "US-00000042") String order,
        UUID orderId,
        @Schema(examples = "US") String region,
        UUID fulfilment,
        @Schema(description = "1, 2, ... within the order.") int number,
        FulfilmentKind kind,
        FulfilmentStatus status,
        @Schema(description = "The stock location its units leave from.", examples = "wh-us") String location,
        List<Units> lines,
        @Schema(nullable = true) String carrier,
        @Schema(nullable = true) String trackingNumber,
        @Schema(nullable = true) String trackingUrl) {

    @Schema(name = "FulfilmentUnits")
    public record Units(@Schema(examples = "MI-BAND-8-BLACK") String sku, int quantity) {
    }
}
