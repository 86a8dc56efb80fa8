package storefront.region;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import storefront.availability.RegionRules;
import storefront.common.Problem;
import storefront.common.ProblemException;

/**
 * Every region, as of one catalog generation, and the ones this deployment
 * serves ({@code served}; empty: all of them). Immutable.
 */
public record Regions(List<Entry> all, Map<String, Entry> byCode, Map<String, String> regionByCountry,
                      Set<String> categories, Set<String> served) {

    public Regions(List<Entry> all, Map<String, Entry> byCode, Map<String, String> regionByCountry,
                   Set<String> categories) {
        this(all, byCode, regionByCountry, categories, Set.of());
    }

    /** The same regions, of which this deployment serves {@code codes} (empty: all). */
    public Regions servingOnly(Set<String> codes) {
        return new Regions(all, byCode, regionByCountry, categories, Set.copyOf(codes));
    }

    /** Configured codes that name no region, in the order given. */
    public List<String> unknown(Collection<String> codes) {
        return codes.stream().filter(code -> !byCode.containsKey(code)).toList();
    }

    /**
     * A region's public view, the rules the availability policy applies there,
     * how it taxes sales, and its active delivery methods in the order offered.
     */
    public record Entry(RegionView view, RegionRules rules, TaxRules tax, List<DeliveryMethod> delivery) {

        public Entry {
            delivery = List.copyOf(delivery);
        }

        /** The methods that ship to this country and state, in the order offered. */
        public List<DeliveryMethod> deliveryTo(String country, String state) {
            return delivery.stream().filter(method -> method.serves(country, state)).toList();
        }

        /** What the shipping costs before the address is known: the first method offered (none: nothing). */
        public Optional<DeliveryMethod> defaultDelivery() {
            return delivery.stream().findFirst();
        }
    }

    public Optional<Entry> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.toUpperCase(Locale.ROOT)));
    }

    /** The region that ships to this ISO 3166-1 alpha-2 country, if any. */
    public Optional<Entry> servingCountry(String country) {
        return Optional.ofNullable(country == null ? null : regionByCountry.get(country)).map(byCode::get);
    }

    /**
     * Nothing if {@code region} ships to {@code country}; otherwise 422
     * SHIPPING_COUNTRY_NOT_IN_REGION with {@code servedBy}, the region that does (or null).
     */
    public void requireShipsTo(String region, String country) {
        String code = country == null ? "" : country.toUpperCase(Locale.ROOT);
        Entry serving = servingCountry(code).orElse(null);
        if (serving != null && serving.view().code().equals(region)) {
            return;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("region", region);
        extensions.put("country", code);
        extensions.put("servedBy", serving == null ? null : serving.view().code());
        String detail = serving == null
                ? "No region ships to " + code + "."
                : "Region " + region + " does not ship to " + code + "; region " + serving.view().code()
                        + " does.";
        throw new ProblemException(new Problem(422, "SHIPPING_COUNTRY_NOT_IN_REGION",
                "Shipping country not in region", detail, null, extensions));
    }

    /**
     * The region with this code, or a 404 REGION_NOT_FOUND problem; 421
     * REGION_NOT_SERVED_HERE when another deployment serves it.
     */
    public Entry require(String code) {
        return requireServed(find(code).orElseThrow(() -> ProblemException.notFound("REGION_NOT_FOUND",
                "Region not found", "No region has the code '" + code + "'.")));
    }

    /** The region, when this deployment serves it; else 421 REGION_NOT_SERVED_HERE naming the ones it serves. */
    public Entry requireServed(Entry region) {
        String code = region.view().code();
        if (served.isEmpty() || served.contains(code)) {
            return region;
        }
        List<String> here = served.stream().sorted().toList();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("region", code);
        extensions.put("servedHere", here);
        throw new ProblemException(new Problem(421, "REGION_NOT_SERVED_HERE", "Region served elsewhere",
                "Region " + code + " is served by another deployment of this API; this one serves "
                        + String.join(", ", here) + ".", null, extensions));
    }
}
