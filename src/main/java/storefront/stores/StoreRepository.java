package storefront.stores;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** One store as ops write it (the CSV import writes in bulk, in SQL: {@link StoreDirectory}). */
@ApplicationScoped
@WithSession
class StoreRepository implements PanacheRepositoryBase<Store, String> {
}
