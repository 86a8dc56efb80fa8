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

    /** Units free (on hand, not allocated) at the region's main warehouse. */
    Uni<Integer> freeAtMain(String region, String sku) {
        return Statements.inSession().rows("""
                        select cast(coalesce(sum(ls.on_hand - ls.allocated), 0) as int) from stock_location l
                        join location_stock ls on ls.location_id = l.id and ls.sku_code = $2
                        where l.region_code = $1 and l.main""", region, sku)
                .map(rows -> ((Number) rows.get(0)[0]).intValue());
    }

    /**
     * Moves the region's units on hand by {@code delta} at its main warehouse
     * (the region's row follows, by the database's trigger), writes the rest of
     * the row and reads it back as stored. A row new to the region is created by
     * that move.
     */
    Uni<StockRow> store(StockRow row, boolean isNew, int delta) {
        Uni<Integer> move = Statements.inSession().execute("""
                with moved as (
                    update location_stock ls set on_hand = ls.on_hand + $3, updated_at = now()
                    from stock_location l
                    where l.id = ls.location_id and l.region_code = $1 and l.main and ls.sku_code = $2
                    returning ls.sku_code)
                insert into location_stock (location_id, sku_code, on_hand)
                select id, $2, $3 from stock_location
                where region_code = $1 and main and not exists (select 1 from moved)""",
                row.regionCode, row.skuCode, delta);
        if (isNew) {
            return move.flatMap(n -> findById(new StockRow.Key(row.skuCode, row.regionCode)))
                    .flatMap(stored -> {
                        stored.lowThreshold = row.lowThreshold;
                        stored.updatedAt = row.updatedAt;
                        return flush().replaceWith(stored);
                    })
                    .call(stored -> getSession().flatMap(session -> session.refresh(stored)));
        }
        return flush().flatMap(v -> delta == 0 ? Uni.createFrom().item(0) : move)
                .flatMap(n -> getSession().flatMap(session -> session.refresh(row))).replaceWith(row);
    }
}
