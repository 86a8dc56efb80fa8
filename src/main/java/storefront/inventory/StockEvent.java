package storefront.inventory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.inventory.StockApi.StockState;

/**
 * The {@code data} of stock events, written by the database's trigger
 * ({@code stock_state_event}); this record is its contract.
 */
@Schema(name = "StockEventData", description = "A SKU's stock in a region when it ran low or out.")
public record StockEvent(
        @Schema(examples = "MI-BAND-8-BLACK") String sku,
        @Schema(examples = "US") String region,
        @Schema(description = "LOW_STOCK or OUT_OF_STOCK.") StockState state,
        @Schema(description = "Units checkout can still take.") int available,
        int lowStockThreshold) {
}
