package storefront.availability;

import java.util.Set;

/** What the policy needs to know of a product. */
public record ProductFacts(String slug, String category, Set<String> certifications) {

    public ProductFacts {
        certifications = Set.copyOf(certifications);
    }
}
