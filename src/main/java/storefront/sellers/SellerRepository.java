package storefront.sellers;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import storefront.sellers.SellerApi.Storefront;

/** The seller aggregate, whole: each seller with its domains and storefronts. */
@ApplicationScoped
@WithSession
class SellerRepository implements PanacheRepositoryBase<Seller, String> {

    private static final String WHOLE = "select distinct s from Seller s left join fetch s.domains"
            + " left join fetch s.storefronts";

    Uni<Seller> whole(String id) {
        // A list, not firstResult(): a limit on a collection fetch would be applied in memory.
        return find(WHOLE + " where s.id = ?1", id).list().map(found -> found.isEmpty() ? null : found.get(0));
    }

    Uni<List<Seller>> all() {
        return find(WHOLE + " order by s.id").list();
    }

    /** Domains and storefronts among these that another seller holds, as "what: seller", sorted. */
    Uni<Set<String>> takenByOthers(String id, Collection<String> domains, Collection<Storefront> storefronts) {
        Uni<List<Object[]>> takenDomains = domains.isEmpty() ? Uni.createFrom().item(List.of())
                : getSession().flatMap(session -> session.createSelectionQuery(
                        "select d.domain, s.id from Seller s join s.domains d where d.domain in ?1 and s.id <> ?2",
                        Object[].class).setParameter(1, domains).setParameter(2, id).getResultList());
        List<String> marketplaces = storefronts.stream().map(Storefront::marketplace).distinct().toList();
        Uni<List<Object[]>> takenStorefronts = marketplaces.isEmpty() ? Uni.createFrom().item(List.of())
                : getSession().flatMap(session -> session.createSelectionQuery(
                        "select f.marketplace, f.storeId, s.id from Seller s join s.storefronts f"
                                + " where f.marketplace in ?1 and s.id <> ?2", Object[].class)
                        .setParameter(1, marketplaces).setParameter(2, id).getResultList());
        // One after the other: a session runs one operation at a time.
        return takenDomains.flatMap(byDomain -> takenStorefronts.map(byStorefront -> {
            Set<String> taken = new TreeSet<>();
            byDomain.forEach(row -> taken.add("domain " + row[0] + ": " + row[1]));
            byStorefront.stream()
                    .filter(row -> storefronts.contains(new Storefront((String) row[0], (String) row[1])))
                    .forEach(row -> taken.add("storefront " + row[0] + "/" + row[1] + ": " + row[2]));
            return taken;
        }));
    }
}
