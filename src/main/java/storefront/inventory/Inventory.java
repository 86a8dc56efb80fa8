package storefront.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.Statements;
import storefront.fulfilment.Allocator;

/**
 * Stock leaving and returning, in the caller's transaction. Units only ever
 * leave through a conditional update ({@code where on_hand - reserved >= n});
 * the table's checks refuse anything that would still go below zero. Rows are
 * locked in SKU order first, so two checkouts of the same SKUs never deadlock.
 *
 * <p>An order's hold on stock is its {@code stock_status}: RESERVED from
 * checkout, then SOLD when paid or RELEASED when it expires or is cancelled.
 * Units of flash-sale claims were set aside when the sale was created; they
 * leave stock when sold like any other and go back to their sale otherwise.
 * Sold units are allocated to the region's locations ({@link Allocator}).
 */
@Singleton
public class Inventory {

    private final Allocator allocator;

    Inventory(Allocator allocator) {
        this.allocator = allocator;
    }

    /** Units of one SKU. */
    public record Units(String sku, int quantity) {
    }

    private static final String LOCK = """
            select sku_code from stock where region_code = $1 and sku_code = any(cast($2 as text[]))
            order by sku_code for update""";

    /** Both kinds of taking have the same condition: the units must be available. */
    private static final String TAKE = """
            update stock s set %s, updated_at = now()
            from unnest(cast($2 as text[]), cast($3 as int[])) as w(sku, qty)
            where s.region_code = $1 and s.sku_code = w.sku and s.on_hand - s.reserved >= w.qty
            returning s.sku_code""";

    private static final String RESERVE = TAKE.formatted("reserved = s.reserved + w.qty");
    private static final String UNRESERVE = """
            update stock s set reserved = s.reserved - w.qty, updated_at = now()
            from unnest(cast($2 as text[]), cast($3 as int[])) as w(sku, qty)
            where s.region_code = $1 and s.sku_code = w.sku""";

    /** The order's lines, less the units its flash-sale claims cover. */
    private static final String UNCLAIMED_LINES = """
            select l.sku_code, l.quantity - (select count(*) from flash_claim c join flash_sale f on f.id = c.sale_id
                                             where c.order_id = l.order_id and c.status = 'ORDERED'
                                               and f.sku_code = l.sku_code)::int as quantity
            from order_line l where l.order_id = $1""";

    /**
     * Reserves these units in a region, all or none. Fails with 409
     * OUT_OF_STOCK naming every SKU short of them; then nothing is reserved.
     */
    public Uni<Void> reserve(Statements tx, String region, List<Units> units) {
        return takeAll(tx, region, units, RESERVE, UNRESERVE).map(short_ -> {
            if (!short_.isEmpty()) {
                throw outOfStock(region, short_);
            }
            return null;
        });
    }

    /** 409 OUT_OF_STOCK for these SKUs; exact counts are not shown to shoppers. */
    public static ProblemException outOfStock(String region, List<String> skus) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("region", region);
        extensions.put("skus", skus);
        return new ProblemException(new Problem(409, "OUT_OF_STOCK", "Out of stock",
                "Not enough stock in region " + region + " for " + String.join(", ", skus) + ".", null,
                extensions));
    }

    /**
     * The order is paid: its units leave the region's stock for good, allocated
     * to the locations they will leave from, and its flash-sale claims are sold.
     */
    public Uni<Void> sell(SqlClient tx, UUID orderId) {
        return settle(tx, orderId, Settled.SOLD).flatMap(region -> region == null ? Uni.createFrom().voidItem()
                : handOver(tx, orderId, region)
                        .flatMap(v -> tx.preparedQuery("""
                                        update flash_claim set status = 'SOLD', updated_at = now()
                                        where order_id = $1 and status = 'ORDERED'""")
                                .execute(Tuple.of(orderId)))
                        .replaceWithVoid());
    }

    /**
     * The order's reserved units stop being reserved and become allocated at
     * locations (which takes them from the region's on hand): the region's rows
     * are locked first, in SKU order, as every stock write locks them.
     */
    private Uni<Void> handOver(SqlClient tx, UUID orderId, String region) {
        return orderUnits(tx, orderId).flatMap(units -> {
            List<Units> merged = merge(units);
            Statements on = Statements.on(tx);
            return on.rows(LOCK, region, skus(merged)).flatMap(locked -> apply(on, UNRESERVE, region, merged));
        }).flatMap(v -> allocator.allocate(tx, orderId));
    }

    /** Every unit of the order's lines. */
    private static Uni<List<Units>> orderUnits(SqlClient tx, UUID orderId) {
        return tx.preparedQuery("select sku_code, quantity from order_line where order_id = $1")
                .execute(Tuple.of(orderId))
                .map(rows -> {
                    List<Units> units = new ArrayList<>();
                    rows.forEach(row -> units.add(new Units(row.getString("sku_code"), row.getInteger("quantity"))));
                    return units;
                });
    }

    /** The order expired or was cancelled: its units become available again, claimed ones go back to their sale. */
    public Uni<Void> release(SqlClient tx, UUID orderId) {
        return settle(tx, orderId, Settled.RELEASED).flatMap(region -> region == null ? Uni.createFrom().voidItem()
                : tx.preparedQuery(UNCLAIMED_LINES).execute(Tuple.of(orderId)).flatMap(rows -> {
                    List<Units> units = new ArrayList<>();
                    rows.forEach(row -> {
                        if (row.getInteger("quantity") > 0) {
                            units.add(new Units(row.getString("sku_code"), row.getInteger("quantity")));
                        }
                    });
                    return apply(Statements.on(tx), UNRESERVE, region, units);
                }).flatMap(v -> tx.preparedQuery("""
                                select release_flash_claim(id, 'RELEASED')
                                from flash_claim where order_id = $1 and status = 'ORDERED'""")
                        .execute(Tuple.of(orderId)))
                        .replaceWithVoid());
    }

    /**
     * A released order was paid after all: takes its units from stock if every
     * one of them is still available (then the order's stock is SOLD) and answers
     * whether it could; otherwise takes nothing.
     */
    public Uni<Boolean> sellAfterRelease(SqlClient tx, UUID orderId, String region) {
        return orderUnits(tx, orderId)
                .flatMap(units -> takeAll(Statements.on(tx), region, units, RESERVE, UNRESERVE))
                .flatMap(short_ -> !short_.isEmpty() ? Uni.createFrom().item(false)
                        : tx.preparedQuery("""
                                        update customer_order set stock_status = 'SOLD', updated_at = now()
                                        where id = $1 and stock_status = 'RELEASED'""")
                                .execute(Tuple.of(orderId))
                                .flatMap(r -> r.rowCount() == 1
                                        ? handOver(tx, orderId, region).replaceWith(true)
                                        : Uni.createFrom().item(false)));
    }

    /** Where an order's reserved stock goes (customer_order.stock_status, after RESERVED). */
    private enum Settled { SOLD, RELEASED }

    /** Moves a RESERVED order's stock to {@code status}; answers its region, or null if it held none. */
    private Uni<String> settle(SqlClient tx, UUID orderId, Settled status) {
        return tx.preparedQuery("""
                        update customer_order set stock_status = $2, reserved_until = null, updated_at = now()
                        where id = $1 and stock_status = 'RESERVED' returning region_code""")
                .execute(Tuple.of(orderId, status.name()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("region_code"));
    }

    /**
     * Takes every one of these units with {@code take}, or none: answers the SKUs
     * that fell short, after giving back (with {@code giveBack}) what was taken.
     */
    private Uni<List<String>> takeAll(Statements tx, String region, List<Units> wanted, String take,
                                      String giveBack) {
        List<Units> units = merge(wanted);
        if (units.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.rows(LOCK, region, skus(units))
                .flatMap(locked -> tx.rows(take, region, skus(units), quantities(units)))
                .flatMap(rows -> {
                    Set<String> taken = new HashSet<>();
                    rows.forEach(row -> taken.add((String) row[0]));
                    List<String> short_ = units.stream().map(Units::sku).filter(s -> !taken.contains(s)).toList();
                    if (short_.isEmpty()) {
                        return Uni.createFrom().item(short_);
                    }
                    List<Units> back = units.stream().filter(u -> taken.contains(u.sku())).toList();
                    return apply(tx, giveBack, region, back).replaceWith(short_);
                });
    }

    private Uni<Void> apply(Statements tx, String sql, String region, List<Units> units) {
        if (units.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.execute(sql, region, skus(units), quantities(units)).replaceWithVoid();
    }

    private static String[] skus(List<Units> units) {
        return units.stream().map(Units::sku).toArray(String[]::new);
    }

    private static Integer[] quantities(List<Units> units) {
        return units.stream().map(Units::quantity).toArray(Integer[]::new);
    }

    /** One entry per SKU, in SKU order. */
    private static List<Units> merge(List<Units> units) {
        Map<String, Integer> bySku = new LinkedHashMap<>();
        units.stream().filter(u -> u.quantity() > 0).sorted(Comparator.comparing(Units::sku))
                .forEach(u -> bySku.merge(u.sku(), u.quantity(), Integer::sum));
        List<Units> merged = new ArrayList<>();
        bySku.forEach((sku, quantity) -> merged.add(new Units(sku, quantity)));
        return merged;
    }
}
