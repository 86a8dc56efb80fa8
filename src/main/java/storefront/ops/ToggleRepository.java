package storefront.ops;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import storefront.common.RowLocks;
import storefront.common.SqlTime;
import storefront.ops.OpsApi.CategoryStatus;
import storefront.ops.OpsApi.ProductListing;
import storefront.ops.OpsApi.RegionStatus;

/**
 * Reads and writes the switches ops turn, on one connection (usually inside a
 * transaction). A read with {@code lock} takes a row lock that concurrent
 * writers of the same switch wait on, so an If-Match check and the write it
 * guards see the same state.
 */
final class ToggleRepository {

    private static final String LOCK = " for no key update";

    private final SqlClient client;

    ToggleRepository(SqlClient client) {
        this.client = client;
    }

    Uni<Optional<RegionStatus>> region(String code, boolean lock) {
        return client.preparedQuery("select code, open, closed_reason from region where code = $1" + (lock ? LOCK : ""))
                .execute(Tuple.of(code))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(row ->
                        new RegionStatus(row.getString("code"), row.getBoolean("open"), row.getString("closed_reason"))));
    }

    /** Locking takes the region's row: category switches of one region are made one at a time. */
    Uni<Optional<CategoryStatus>> category(String region, String category, boolean lock) {
        Uni<Boolean> locked = lock
                ? RowLocks.lock(client, "select 1 from region where code = $1" + LOCK, Tuple.of(region))
                : Uni.createFrom().item(true);
        return locked.flatMap(ignored -> client.preparedQuery("""
                        select exists (select 1 from region_category where region_code = $1 and category_code = $2) as sold
                        from category where code = $2""")
                .execute(Tuple.of(region, category))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new CategoryStatus(region, category, rows.iterator().next().getBoolean("sold")))));
    }

    /** Locking takes the product's row: the listing and window of a product are changed one writer at a time. */
    Uni<Optional<ProductListing>> listing(String region, String slug, boolean lock) {
        Uni<Boolean> locked = lock
                ? RowLocks.lock(client, "select 1 from product where slug = $1" + LOCK, Tuple.of(slug))
                : Uni.createFrom().item(true);
        return locked.flatMap(ignored -> client.preparedQuery("""
                        select p.slug, coalesce(pr.listed, true) as listed, pr.delisted_reason,
                               pr.available_from, pr.available_until
                        from product p
                        left join product_region pr on pr.product_id = p.id and pr.region_code = $2
                        where p.slug = $1""")
                .execute(Tuple.of(slug, region))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(listing(region, rows.iterator().next()))));
    }

    private static ProductListing listing(String region, Row row) {
        return new ProductListing(region, row.getString("slug"), row.getBoolean("listed"),
                row.getString("delisted_reason"), SqlTime.instant(row.getOffsetDateTime("available_from")),
                SqlTime.instant(row.getOffsetDateTime("available_until")));
    }

    Uni<Void> setOpen(String region, boolean open, String closedReason) {
        return execute("update region set open = $2, closed_reason = $3, version = version + 1 where code = $1",
                Tuple.of(region, open, closedReason));
    }

    Uni<Void> setSold(String region, String category, boolean sold) {
        return execute(sold
                        ? "insert into region_category (region_code, category_code) values ($1, $2) on conflict do nothing"
                        : "delete from region_category where region_code = $1 and category_code = $2",
                Tuple.of(region, category));
    }

    Uni<Void> setListed(String region, String slug, boolean listed, String delistedReason) {
        return execute("""
                        insert into product_region (product_id, region_code, listed, delisted_reason)
                        select id, $2, $3, $4 from product where slug = $1
                        on conflict (product_id, region_code)
                        do update set listed = excluded.listed, delisted_reason = excluded.delisted_reason""",
                Tuple.of(slug, region, listed, delistedReason));
    }

    Uni<Void> setWindow(String region, String slug, Instant from, Instant until) {
        return execute("""
                        insert into product_region (product_id, region_code, available_from, available_until)
                        select id, $2, $3, $4 from product where slug = $1
                        on conflict (product_id, region_code)
                        do update set available_from = excluded.available_from, available_until = excluded.available_until""",
                Tuple.of(slug, region, SqlTime.utc(from), SqlTime.utc(until)));
    }

    private Uni<Void> execute(String sql, Tuple params) {
        return client.preparedQuery(sql).execute(params).replaceWithVoid();
    }
}
