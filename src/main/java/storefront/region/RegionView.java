package storefront.region;

import java.util.List;
import storefront.common.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Region", description = "A sales region: where it sells, in which currency and languages, and what.")
public record RegionView(
        @Schema(description = "Region code.", examples = "EU") String code,
        @Schema(description = "Display name.", examples = "European Union") String name,
        @Schema(description = "ISO 4217 currency of every price in the region.", examples = "EUR") String currency,
        @Schema(description = "ISO 3166-1 alpha-2 countries served; a country belongs to at most one region.",
                examples = "[\"DE\", \"FR\"]") List<String> countries,
        @Schema(description = "Locale used when the request's Accept-Language matches none supported.", examples = "en")
        String defaultLocale,
        @Schema(description = "Locales the region's content is offered in.", examples = "[\"en\", \"de\"]")
        List<String> supportedLocales,
        @Schema(description = "INCLUSIVE: prices include tax (VAT). EXCLUSIVE: tax is added at checkout (US sales tax).")
        TaxMode taxMode,
        @Schema(description = "Whether the region sells at all right now.") boolean open,
        @Schema(description = "Product categories the region sells.", examples = "[\"AUDIO\", \"POWER\", \"WEARABLE\"]")
        List<String> categories,
        @Schema(description = "What shipping costs by the region's first delivery method, before an address is "
                + "known (what a cart shows); checkout prices the method chosen for the address.") Money shipping,
        @Schema(description = "Days after an order's last delivery (or collection) within which its units may be "
                + "returned.", examples = "14") int returnDays) {

    public enum TaxMode { INCLUSIVE, EXCLUSIVE }
}
