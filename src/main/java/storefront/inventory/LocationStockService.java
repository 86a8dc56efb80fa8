package storefront.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.common.Statements;
import storefront.inventory.StockApi.Adjustment;
import storefront.inventory.StockApi.Location;
import storefront.inventory.StockApi.LocationStock;
import storefront.inventory.StockApi.LocationStockLevel;
import storefront.region.RegionDirectory;

/**
 * Stock per location, as ops (and a store's staff, for their store) see and
 * adjust it: a delivery received, a unit damaged. A location never holds fewer
 * units than it has allocated to paid orders, and the region never fewer than
 * it has reserved; the region's count follows by the database's trigger. Each
 * adjustment is audited in its transaction, which locks the region's row, then
 * the location's, as every writer of stock does.
 */
@Singleton
class LocationStockService {

    private static final String LOCATION = """
            select id, region_code, kind, name, store_id, country, state, main from stock_location where id = $1""";

    private final Pool pool;
    private final RegionDirectory regions;
    private final AuditLog audit;

    LocationStockService(Pool pool, RegionDirectory regions, AuditLog audit) {
        this.pool = pool;
        this.regions = regions;
        this.audit = audit;
    }

    Uni<StockApi.LocationList> list(String regionParam) {
        String code = QueryParams.required("region", regionParam);
        return regions.regions().flatMap(all -> {
            String region = all.require(code).view().code();
            return pool.preparedQuery("""
                            select id, region_code, kind, name, store_id, country, state, main from stock_location
                            where region_code = $1 order by main desc, kind desc, id""").execute(Tuple.of(region))
                    .map(rows -> {
                        List<Location> items = new ArrayList<>();
                        rows.forEach(row -> items.add(location(row)));
                        return new StockApi.LocationList(items);
                    });
        });
    }

    Uni<LocationStock> stock(Operator operator, String id) {
        return location(pool, id, operator).flatMap(location -> pool.preparedQuery("""
                        select sku_code, on_hand, allocated from location_stock where location_id = $1
                        order by sku_code""").execute(Tuple.of(location.id()))
                .map(rows -> {
                    List<LocationStockLevel> items = new ArrayList<>();
                    rows.forEach(row -> items.add(level(location.id(), row.getString(0), row.getInteger(1),
                            row.getInteger(2))));
                    return new LocationStock(location, items);
                }));
    }

    Uni<LocationStockLevel> adjust(Operator operator, String id, String skuParam, Adjustment request) {
        String sku = skuParam.strip().toUpperCase(Locale.ROOT);
        int delta = request.delta();
        if (delta == 0) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("delta", "must not be 0")));
        }
        return pool.withTransaction(tx -> location(tx, id, operator).flatMap(location -> tx.preparedQuery(
                        "select 1 from sku where code = $1").execute(Tuple.of(sku)).flatMap(known -> {
                    if (known.size() == 0) {
                        throw ProblemException.notFound("SKU_NOT_FOUND", "SKU not found",
                                "No SKU has the code '" + sku + "'.");
                    }
                    return tx.preparedQuery("""
                                    select on_hand, reserved from stock where region_code = $1 and sku_code = $2
                                    for update""").execute(Tuple.of(location.region(), sku));
                }).flatMap(regionRows -> tx.preparedQuery("""
                                select on_hand, allocated from location_stock where location_id = $1 and sku_code = $2
                                for update""").execute(Tuple.of(location.id(), sku))
                        .flatMap(rows -> {
                            int onHand = rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
                            int allocated = rows.size() == 0 ? 0 : rows.iterator().next().getInteger(1);
                            check(location, sku, onHand, allocated, delta, regionRows.size() == 0 ? null
                                    : regionRows.iterator().next());
                            LocationStockLevel before = level(location.id(), sku, onHand, allocated);
                            LocationStockLevel after = level(location.id(), sku, onHand + delta, allocated);
                            String write = rows.size() == 0
                                    ? "insert into location_stock (location_id, sku_code, on_hand) values ($1, $2, $3)"
                                    : """
                                      update location_stock set on_hand = on_hand + $3, updated_at = now()
                                      where location_id = $1 and sku_code = $2""";
                            return tx.preparedQuery(write).execute(Tuple.of(location.id(), sku,
                                            delta))
                                    .flatMap(v -> audit.record(Statements.on(tx), operator, new AuditLog.Change(
                                            "ADJUST_LOCATION_STOCK", location.region(),
                                            "location:" + location.id() + "/stock:" + sku, before, after),
                                            request.reason().strip(), null))
                                    .replaceWith(after);
                        }))));
    }

    private static void check(Location location, String sku, int onHand, int allocated, int delta, Row region) {
        if ((long) onHand + delta > StockApi.MAX_ON_HAND) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("delta",
                    "would take on hand past " + StockApi.MAX_ON_HAND)));
        }
        if (onHand + delta < allocated) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("allocated", allocated);
            extensions.put("onHand", onHand);
            throw new ProblemException(new Problem(409, "STOCK_BELOW_ALLOCATED", "Below what is allocated",
                    "Location " + location.id() + " holds " + onHand + " of " + sku + ", " + allocated
                            + " of them allocated to paid orders; on hand cannot go below that.", null, extensions));
        }
        if (delta < 0 && region != null && region.getInteger(0) + delta < region.getInteger(1)) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("reserved", region.getInteger(1));
            extensions.put("onHand", region.getInteger(0));
            throw new ProblemException(new Problem(409, "STOCK_BELOW_RESERVED", "Stock below reserved units",
                    region.getInteger(1) + " units of " + sku + " in region " + location.region() + " are held by "
                            + "orders and flash sales; the region's units on hand cannot go below that.", null,
                    extensions));
        }
    }

    /** The location, for an operator who may act there (ops of its region; staff of its store). */
    private Uni<Location> location(SqlClient client, String id, Operator operator) {
        return client.preparedQuery(LOCATION).execute(Tuple.of(id.strip().toLowerCase(Locale.ROOT))).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("LOCATION_NOT_FOUND", "Stock location not found",
                        "No stock location has the id '" + id.strip() + "'.");
            }
            Location location = location(rows.iterator().next());
            if (operator.role().equals(Operator.STORE)) {
                operator.requireStore(location.region(), location.store());
            } else if (!operator.role().equals(Operator.AUDITOR)) {
                operator.requireScope(List.of(location.region()));
            }
            return location;
        });
    }

    private static Location location(Row row) {
        return new Location(row.getString("id"), row.getString("region_code"), row.getString("kind"),
                row.getString("name"), row.getString("store_id"), row.getString("country"), row.getString("state"),
                row.getBoolean("main"));
    }

    private static LocationStockLevel level(String location, String sku, int onHand, int allocated) {
        return new LocationStockLevel(location, sku, onHand, allocated, onHand - allocated);
    }
}
