package storefront.region;

import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.common.Money;

/**
 * A way a region ships: its price, the amount of goods above which it is free,
 * the days it takes, and where it goes. Pure: checkout and the directory ask it
 * the same questions.
 */
@Schema(name = "DeliveryMethod", description = "A way the region ships, and where to.")
public record DeliveryMethod(
        @Schema(description = "Stable code; what checkout's `deliveryMethod` takes.", examples = "EXPRESS") String code,
        @Schema(examples = "Express delivery") String name,
        @Schema(description = "What it costs, in the region's currency (before tax where tax is added).") Money price,
        @Schema(description = "Goods of at least this amount ship free by this method; null: never free.",
                nullable = true) Money freeAbove,
        @Schema(description = "Fewest days it takes.", examples = "1") int minDays,
        @Schema(description = "Most days it takes.", examples = "2") int maxDays,
        @Schema(description = "ISO 3166-1 alpha-2 countries it serves; empty: every country of the region.",
                examples = "[\"US\"]") List<String> countries,
        @Schema(description = "ISO 3166-2 states or provinces it serves, such as US-CA; a country with none "
                + "listed is served everywhere.", examples = "[\"US-CA\", \"US-NY\"]") List<String> states) {

    public DeliveryMethod {
        countries = List.copyOf(countries);
        states = List.copyOf(states);
    }

    /** Whether it ships to this country and (where it lists states of that country) this state. */
    public boolean serves(String country, String state) {
        String c = country == null ? "" : country.toUpperCase(Locale.ROOT);
        if (!countries.isEmpty() && !countries.contains(c)) {
            return false;
        }
        boolean listsThisCountry = states.stream().anyMatch(s -> s.startsWith(c + "-"));
        return !listsThisCountry
                || (state != null && states.contains(c + "-" + state.toUpperCase(Locale.ROOT)));
    }

    /** What it costs for goods of {@code subtotal} (minor units): nothing at or above the free threshold. */
    public long priceFor(long subtotal) {
        return freeAbove != null && subtotal >= freeAbove.amountMinor() ? 0 : price.amountMinor();
    }
}
