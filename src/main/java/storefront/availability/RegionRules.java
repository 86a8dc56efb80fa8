package storefront.availability;

import java.util.Map;
import java.util.Set;

/**
 * What a region allows: whether it is open (and, when closed, the reason ops
 * gave, which shoppers are shown), which categories it sells, and which
 * certifications a product of each category needs there.
 */
public record RegionRules(String code, boolean open, String closedReason, Set<String> soldCategories,
                          Map<String, Set<String>> requiredCertifications) {

    public RegionRules {
        soldCategories = Set.copyOf(soldCategories);
        requiredCertifications = Map.copyOf(requiredCertifications);
    }

    /** A region with no closing reason on record. */
    public RegionRules(String code, boolean open, Set<String> soldCategories,
                       Map<String, Set<String>> requiredCertifications) {
        this(code, open, null, soldCategories, requiredCertifications);
    }

    Set<String> certificationsRequiredFor(String category) {
        return requiredCertifications.getOrDefault(category, Set.of());
    }
}
