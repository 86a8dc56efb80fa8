package storefront.ops;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** The product aggregate, whole: a product with its certifications, texts, SKUs and their prices. */
@ApplicationScoped
@WithSession
class ProductRepository implements PanacheRepositoryBase<Product, Long> {

    /** Codes that do not name a stored category or certification. */
    record UnknownCodes(boolean categoryUnknown, List<String> certifications) {
    }

    /**
     * The product with everything it owns, or null: two statements (the
     * product with its certifications and texts, then its SKUs with their
     * prices), whatever its size.
     */
    Uni<Product> whole(String slug) {
        return find("select distinct p from Product p left join fetch p.certifications left join fetch p.texts"
                + " where p.slug = ?1", slug).list()
                .map(found -> found.isEmpty() ? null : found.get(0))
                .call(product -> product == null ? Uni.createFrom().nullItem()
                        : find("select distinct p from Product p left join fetch p.skus s left join fetch s.prices"
                                + " where p.id = ?1", product.id).list());
    }

    /** SKU codes among {@code codes} that belong to a product other than {@code slug}. */
    Uni<List<String>> skuCodesOfOthers(Collection<String> codes, String slug) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                        "select s.code from Sku s where s.code in ?1 and s.product.slug <> ?2 order by s.code",
                        String.class)
                .setParameter(1, codes).setParameter(2, slug).getResultList());
    }

    Uni<UnknownCodes> unknownCodes(String category, List<String> certifications) {
        Uni<Boolean> categoryUnknown = getSession().flatMap(session -> session
                .createNativeQuery("select count(*) from category where code = ?1", Long.class)
                .setParameter(1, category).getSingleResult()).map(count -> count == 0);
        return categoryUnknown.flatMap(unknownCategory -> certifications.isEmpty()
                ? Uni.createFrom().item(new UnknownCodes(unknownCategory, List.of()))
                : getSession().flatMap(session -> session
                        .createNativeQuery("select code from certification where code in (?1)", String.class)
                        .setParameter(1, certifications).getResultList())
                        .map(known -> new UnknownCodes(unknownCategory, certifications.stream().distinct()
                                .filter(code -> !known.contains(code)).sorted().toList())));
    }
}
