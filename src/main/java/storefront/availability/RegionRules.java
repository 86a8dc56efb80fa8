package storefront.availability;

import java.util.Map;
import java.util.Set;

/**
 * What a region allows: whether it is open, which categories it sells, and which
 * certifications a product of each category needs there.
 */
public record RegionRules(String code, boolean open, Set<String> soldCategories,
                          Map<String, Set<String>> requiredCertifications) {

    public RegionRules {
        soldCategories = Set.copyOf(soldCategories);
        requiredCertifications = Map.copyOf(requiredCertifications);
    }

    Set<String> certificationsRequiredFor(String category) {
        return requiredCertifications.getOrDefault(category, Set.of());
    }
}
