package storefront.inventory;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;

/**
 * SKUs of their own for tests that count units: a product like the demo's
 * Mi Band 8 (same category and certifications), priced and stocked in one region.
 */
public final class TestSkus {

    private TestSkus() {
    }

    /** A new SKU sold in {@code region} at {@code price} with {@code onHand} units; answers its code. */
    public static String create(Pool pool, String region, long price, int onHand) {
        String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String slug = "test-" + id.toLowerCase();
        String code = "T-" + id;
        pool.withTransaction(tx -> tx.preparedQuery("""
                        insert into product (slug, category_code)
                        select $1, category_code from product where slug = 'mi-band-8'""").execute(Tuple.of(slug))
                .flatMap(v -> tx.preparedQuery("""
                        insert into product_certification (product_id, certification_code)
                        select (select id from product where slug = $1), certification_code
                        from product_certification where product_id = (select id from product where slug = 'mi-band-8')""")
                        .execute(Tuple.of(slug)))
                .flatMap(v -> tx.preparedQuery("""
                        insert into sku (code, product_id) select $1, id from product where slug = $2""")
                        .execute(Tuple.of(code, slug)))
                .flatMap(v -> tx.preparedQuery("""
                        insert into sku_price (sku_id, region_code, currency, amount_minor)
                        select s.id, r.code, r.currency, $3 from sku s, region r where s.code = $1 and r.code = $2""")
                        .execute(Tuple.of(code, region, price)))
                .flatMap(v -> tx.preparedQuery("""
                        insert into location_stock (location_id, sku_code, on_hand)
                        select id, $1, $3 from stock_location where region_code = $2 and main""")
                        .execute(Tuple.of(code, region, onHand))))
                .await().indefinitely();
        return code;
    }

    /** on_hand and reserved of the SKU in the region. */
    /** Puts {@code onHand} units of the SKU on a location's shelf (the region's stock follows). */
    public static void stockAt(Pool pool, String location, String sku, int onHand) {
        sql(pool, "insert into location_stock (location_id, sku_code, on_hand) values ($1, $2, $3)", location, sku,
                onHand);
    }

    /** "location onHand/allocated" per location holding the SKU, by location. */
    public static java.util.List<String> located(Pool pool, String sku) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        select location_id, on_hand, allocated from location_stock where sku_code = $1
                        order by location_id""").execute(Tuple.of(sku)).await().indefinitely()) {
            rows.add(row.getString(0) + " " + row.getInteger(1) + "/" + row.getInteger(2));
        }
        return rows;
    }

    public static int[] stock(Pool pool, String sku, String region) {
        Row row = pool.preparedQuery("select on_hand, reserved from stock where sku_code = $1 and region_code = $2")
                .execute(Tuple.of(sku, region)).await().indefinitely().iterator().next();
        return new int[] {row.getInteger("on_hand"), row.getInteger("reserved")};
    }

    /** The order's stock reservation ran out a second ago (the sweeper's next run expires it). */
    public static void runOut(Pool pool, String orderId) {
        sql(pool, "update customer_order set reserved_until = now() - interval '1 second' where id = $1::uuid",
                orderId);
    }

    public static void sql(Pool pool, String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely();
    }

    public static Row one(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next();
    }
}
