package storefront.catalog;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.availability.Reason;

/** The {@code data} of a product's availability events in a region. */
@Schema(name = "ProductAvailabilityEventData", description = "A product became available or unavailable to the "
        + "shoppers of a region. The reasons say what caused it, whatever it was: a toggle, a sales window "
        + "reaching its instant, a price, a certification, the product's retirement.")
public record AvailabilityEvent(
        @Schema(examples = "EU") String region,
        @Schema(description = "The product's slug.", examples = "mi-band-8") String product,
        @Schema(examples = "FITNESS_BAND") String category,
        @Schema(description = "Whether the region's shoppers can buy it now.") boolean available,
        @Schema(description = "Why they cannot, now; empty when available.") List<Reason> reasons,
        @Schema(description = "Why they could not until now (the reasons the change lifted); empty when it was "
                + "available, or is a product new to the catalog.") List<Reason> previousReasons) {
}
