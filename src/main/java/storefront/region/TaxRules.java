package storefront.region;

import java.util.Map;
import storefront.region.RegionView.TaxMode;

/**
 * How a region taxes a sale: whether its prices include the tax (EU VAT) or the
 * tax is added on top (US sales tax), and at which rate for a destination. A
 * country, or one of its states, may have its own rate; otherwise the region's
 * default applies. Rates are in basis points (1 bp = 0.01 %).
 */
public record TaxRules(TaxMode mode, int defaultRateBps, Map<String, Integer> ratesByDestination) {

    public TaxRules {
        ratesByDestination = Map.copyOf(ratesByDestination);
    }

    /** The key of a destination's own rate: {@code DE}, or {@code US-CA} for a state. */
    public static String destination(String country, String subdivision) {
        return subdivision == null || subdivision.isEmpty() ? country : country + "-" + subdivision;
    }

    /** The rate for goods shipped to this country (and state, if any): most specific first. */
    public int rateFor(String country, String subdivision) {
        if (country == null) {
            return defaultRateBps;
        }
        Integer rate = ratesByDestination.get(destination(country, subdivision));
        if (rate == null) {
            rate = ratesByDestination.get(country);
        }
        return rate == null ? defaultRateBps : rate;
    }
}
