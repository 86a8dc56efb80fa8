package storefront.region;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import storefront.availability.RegionRules;
import storefront.common.ProblemException;

/** Every region, as of one catalog generation. Immutable. */
public record Regions(List<Entry> all, Map<String, Entry> byCode, Map<String, String> regionByCountry,
                      Set<String> categories) {

    /** A region's public view, the rules the availability policy applies there, and how it taxes sales. */
    public record Entry(RegionView view, RegionRules rules, TaxRules tax) {
    }

    public Optional<Entry> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The region that ships to this ISO 3166-1 alpha-2 country, if any. */
    public Optional<Entry> servingCountry(String country) {
        return Optional.ofNullable(country == null ? null : regionByCountry.get(country)).map(byCode::get);
    }

    /** The region with this code, or a 404 REGION_NOT_FOUND problem. */
    public Entry require(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("REGION_NOT_FOUND", "Region not found",
                "No region has the code '" + code + "'."));
    }
}
