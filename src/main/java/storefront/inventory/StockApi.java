package storefront.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of stock management. */
public final class StockApi {

    public static final int MAX_ON_HAND = 10_000_000;

    private StockApi() {
    }

    /** What shoppers see of stock: a state, never a count. */
    public enum StockState { IN_STOCK, LOW_STOCK, OUT_OF_STOCK }

    @Schema(name = "StockLevel", description = "Stock of one SKU in one region.")
    public record StockLevel(
            @Schema(examples = "MI-BAND-8-BLACK") String sku,
            @Schema(examples = "US") String region,
            @Schema(description = "Units in the region's locations not yet allocated to a paid order.") int onHand,
            @Schema(description = "Units held by unpaid orders and by flash sales.") int reserved,
            @Schema(description = "onHand - reserved: what checkout can still take.") int available,
            @Schema(description = "At or below this many available units, shoppers see LOW_STOCK.")
            int lowStockThreshold,
            StockState state,
            Instant updatedAt) {
    }

    @Schema(name = "StockList")
    public record StockList(List<StockLevel> items) {
    }

    @Schema(name = "SetStock", description = "Sets the region's units on hand (after a count, say), by moving its "
            + "main warehouse's count.")
    public record SetStock(
            @NotNull @Min(0) @Max(MAX_ON_HAND) Integer onHand,
            @Schema(description = "Default 5 for a new row; unchanged when absent.") @Min(0) @Max(MAX_ON_HAND)
            Integer lowStockThreshold,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "StockAdjustment", description = "Adds (a delivery) or removes (damage, loss) units on hand.")
    public record Adjustment(
            @Schema(examples = "-3") @NotNull @Min(-MAX_ON_HAND) @Max(MAX_ON_HAND) Integer delta,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "StockLocation", description = "Where units are kept: a warehouse, or a store that holds stock.")
    public record Location(
            @Schema(examples = "wh-us") String id,
            @Schema(examples = "US") String region,
            @Schema(description = "WAREHOUSE or STORE.", examples = "WAREHOUSE") String kind,
            @Schema(examples = "US main warehouse") String name,
            @Schema(nullable = true, description = "The store, for a store's shelf.") String store,
            @Schema(nullable = true, examples = "US") String country,
            @Schema(nullable = true, examples = "NV") String state,
            @Schema(nullable = true, description = "Where it is, for the distance to a pickup store.") Double latitude,
            @Schema(nullable = true) Double longitude,
            @Schema(description = "The region's main warehouse: region-wide counts move it.") boolean main) {
    }

    @Schema(name = "StockLocationList")
    public record LocationList(List<Location> items) {
    }

    @Schema(name = "LocationStockLevel", description = "One SKU's units at one location.")
    public record LocationStockLevel(
            @Schema(examples = "wh-us") String location,
            @Schema(examples = "MI-BAND-8-BLACK") String sku,
            @Schema(description = "Units on the shelves.") int onHand,
            @Schema(description = "Units set aside for paid orders, until they ship or are collected.") int allocated,
            @Schema(description = "onHand - allocated: what the location adds to the region's stock.") int free) {
    }

    @Schema(name = "LocationStock")
    public record LocationStock(Location location, List<LocationStockLevel> items) {
    }

    @Schema(name = "StockLocationInput", description = "A warehouse, or a store's shelf (its place is the store's).")
    public record LocationInput(
            @Schema(description = "WAREHOUSE or STORE.") @NotNull
            @jakarta.validation.constraints.Pattern(regexp = "WAREHOUSE|STORE", message = "must be WAREHOUSE or STORE")
            String kind,
            @Schema(nullable = true, description = "A warehouse's region; a store's shelf is in its store's.",
                    examples = "US") @Size(max = 8) String region,
            @Schema(nullable = true, description = "For a store's shelf: the store.", examples = "us-sf-0001")
            @Size(max = 63) String store,
            @Schema(nullable = true, description = "A store's shelf takes the store's name when absent.",
                    examples = "US east warehouse") @Size(max = 200) String name,
            @Schema(nullable = true, description = "A warehouse's country, one the region ships to.", examples = "US")
            @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 "
                    + "alpha-2 country code") String country,
            @Schema(nullable = true, examples = "NJ")
            @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9]{1,3}", message = "must be a state or "
                    + "province code such as NJ") String state,
            @Schema(nullable = true) @jakarta.validation.constraints.DecimalMin("-90")
            @jakarta.validation.constraints.DecimalMax("90") Double latitude,
            @Schema(nullable = true) @jakarta.validation.constraints.DecimalMin("-180")
            @jakarta.validation.constraints.DecimalMax("180") Double longitude,
            @Schema(description = "Why, for the audit log.") @NotBlank @Size(max = 500) String reason) {
    }
}
