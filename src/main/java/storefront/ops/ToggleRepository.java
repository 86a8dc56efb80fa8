package storefront.ops;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import storefront.common.RowLocks;
import storefront.common.Statements;

/**
 * The switches ops turn, as entities in the current Hibernate Reactive session:
 * a region's {@link RegionSwitch} and a product's {@link ProductStanding} in a
 * region. A read with {@code lock} first takes a row lock that concurrent
 * writers of the same switch wait on ({@code for no key update}, which shoppers'
 * inserts referring to the row do not wait on), so that an If-Match check and
 * the write it guards see the same state.
 */
@ApplicationScoped
@WithSession
class ToggleRepository {

    private static final String LOCK = " for no key update";

    /** A product in a region: its id, and its standing there (null: none stored, the default). */
    record Standing(long productId, String region, String product, ProductStanding entity) {
    }

    /** The region's switches, or null when there is no such region. */
    Uni<RegionSwitch> region(String code, boolean lock) {
        Uni<Boolean> locked = lock
                ? RowLocks.lock(Statements.inSession(), "select 1 from region where code = $1" + LOCK, code)
                : Uni.createFrom().item(true);
        return locked.flatMap(ignored -> Panache.getSession())
                .flatMap(session -> session.find(RegionSwitch.class, code));
    }

    Uni<Boolean> categoryExists(String category) {
        return Statements.inSession().rows("select 1 from category where code = $1", category)
                .map(rows -> !rows.isEmpty());
    }

    /**
     * The standing of the product {@code slug} in {@code region}, or null when
     * there is no such product. Locking takes the product's row: the listing
     * and window of a product are changed one writer at a time.
     */
    Uni<Standing> standing(String region, String slug, boolean lock) {
        return Statements.inSession().rows("select id from product where slug = $1" + (lock ? LOCK : ""), slug)
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    long id = ((Number) rows.get(0)[0]).longValue();
                    return Panache.getSession()
                            .flatMap(session -> session.find(ProductStanding.class,
                                    new ProductStanding.Key(id, region)))
                            .map(entity -> new Standing(id, region, slug, entity));
                });
    }

    /** The stored standing of {@code standing}'s product, created (listed, no window) when there is none. */
    Uni<ProductStanding> toChange(Standing standing) {
        if (standing.entity() != null) {
            return Uni.createFrom().item(standing.entity());
        }
        ProductStanding created = ProductStanding.initial(standing.productId(), standing.region());
        return Panache.getSession().flatMap(session -> session.persist(created)).replaceWith(created);
    }

    Uni<Void> flush() {
        return Panache.getSession().flatMap(session -> session.flush());
    }
}
