package storefront.flashsale;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.common.Money;

/** The {@code data} of a flash sale's events: the sale as it stands when its state changed. */
@Schema(name = "FlashSaleEventData", description = "A flash sale when it went live, sold out or ended.")
public record FlashSaleEvent(
        @Schema(format = "uuid") String id,
        @Schema(examples = "REDMI-NOTE-13-8-256-BLACK") String sku,
        @Schema(examples = "CN") String region,
        @Schema(description = "LIVE, SOLD_OUT or ENDED.") State state,
        Instant startsAt,
        Instant endsAt,
        @Schema(description = "The sale's price.") Money price,
        @Schema(description = "Units the sale set aside.") int quantity,
        @Schema(description = "Units nobody has claimed yet (at the end: those going back to stock).") int unitsLeft) {

    /** A sale's state as its events tell it. */
    public enum State { LIVE, SOLD_OUT, ENDED }
}
