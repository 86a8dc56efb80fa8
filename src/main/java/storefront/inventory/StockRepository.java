package storefront.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import storefront.common.Statements;

/** Stock rows as ops read and set them. */
@ApplicationScoped
@WithSession
class StockRepository implements PanacheRepositoryBase<StockRow, StockRow.Key> {

    Uni<List<StockRow>> inRegion(String region, String skuOrNull) {
        return skuOrNull == null
                ? list("regionCode = ?1 order by skuCode", region)
                : list("regionCode = ?1 and skuCode = ?2", region, skuOrNull);
    }

    Uni<StockRow> one(String region, String sku) {
        return findById(new StockRow.Key(sku, region));
    }

    /** The row, locked for the rest of the transaction (sales of it wait), or null. */
    Uni<StockRow> locked(String region, String sku) {
        return findById(new StockRow.Key(sku, region), LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<Boolean> skuExists(String sku) {
        return Statements.inSession().rows("select 1 from sku where code = $1", sku).map(rows -> !rows.isEmpty());
    }

    /** Writes the row and reads it back as stored: the reservations and the state as the database has them. */
    Uni<StockRow> store(StockRow row) {
        return persistAndFlush(row).call(stored -> getSession().flatMap(session -> session.refresh(stored)));
    }
}
