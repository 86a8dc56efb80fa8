package storefront.availability;

import java.util.Set;

/** What the policy needs to know of a product. A retired product is kept for history and sold nowhere. */
public record ProductFacts(String slug, String category, Set<String> certifications, boolean retired) {

    public ProductFacts {
        certifications = Set.copyOf(certifications);
    }

    /** A product in the catalog, not retired. */
    public ProductFacts(String slug, String category, Set<String> certifications) {
        this(slug, category, certifications, false);
    }
}
