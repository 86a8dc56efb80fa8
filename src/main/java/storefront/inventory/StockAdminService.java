package storefront.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import storefront.common.ETags;
import storefront.common.Json;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.common.RowLocks;
import storefront.inventory.StockApi.Adjustment;
import storefront.inventory.StockApi.SetStock;
import storefront.inventory.StockApi.StockLevel;
import storefront.inventory.StockApi.StockList;
import storefront.inventory.StockApi.StockState;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.region.RegionDirectory;

/**
 * Ops on stock: read it, set it after a count, adjust it for a delivery or a
 * loss. Units on hand never drop below what orders and flash sales hold; each
 * change is audited in its transaction.
 */
@Singleton
class StockAdminService {

    private static final String COLUMNS = """
            sku_code, region_code, on_hand, reserved, low_threshold, stock_state(on_hand, reserved, low_threshold)
                as state, updated_at""";

    private final Pool pool;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final Json json;

    StockAdminService(Pool pool, RegionDirectory regions, AuditLog audit, Json json) {
        this.json = json;
        this.pool = pool;
        this.regions = regions;
        this.audit = audit;
    }

    Uni<StockList> list(String regionParam, String skuParam) {
        String regionCode = QueryParams.required("region", regionParam);
        return regions.regions().flatMap(all -> {
            String region = all.require(regionCode).view().code();
            String sku = skuParam == null || skuParam.isBlank() ? null : skuParam.trim().toUpperCase(Locale.ROOT);
            return pool.preparedQuery("select " + COLUMNS + """

                             from stock where region_code = $1 and ($2::text is null or sku_code = $2)
                             order by sku_code""")
                    .execute(Tuple.of(region, sku))
                    .map(rows -> {
                        List<StockLevel> items = new ArrayList<>();
                        rows.forEach(row -> items.add(level(row)));
                        return new StockList(items);
                    });
        });
    }

    /** One SKU's stock in a region, with the ETag that setting it needs. */
    Uni<Tagged> one(String regionParam, String skuParam) {
        String sku = skuParam.trim().toUpperCase(Locale.ROOT);
        return regions.regions().flatMap(all -> {
            String region = all.require(regionParam).view().code();
            return pool.preparedQuery("select " + COLUMNS + " from stock where region_code = $1 and sku_code = $2")
                    .execute(Tuple.of(region, sku))
                    .map(rows -> {
                        if (rows.size() == 0) {
                            throw stockNotFound(sku, region);
                        }
                        return tagged(level(rows.iterator().next()));
                    });
        });
    }

    /**
     * Sets the units on hand after a count. The count was made against the stock
     * as read: If-Match carries its ETag (a sale or another change since: 412); a
     * SKU new to the region takes none.
     */
    Uni<Tagged> set(Operator operator, String regionParam, String skuParam, String ifMatch, SetStock request) {
        String sku = skuParam.trim().toUpperCase(Locale.ROOT);
        return region(operator, regionParam).flatMap(region -> pool.withTransaction(tx -> RowLocks
                .lockKey(tx, target(region, sku)).flatMap(locked -> lock(tx, region, sku))
                .invoke(before -> ETags.requireMatch(ifMatch, before.map(this::etag).orElse(null), target(region, sku),
                        "GET /api/v1/admin/stock/" + region + "/" + sku))
                .flatMap(before -> tx.preparedQuery("""
                                insert into stock (sku_code, region_code, on_hand, low_threshold)
                                values ($1, $2, $3, coalesce($4, 5))
                                on conflict (sku_code, region_code) do update
                                set on_hand = excluded.on_hand,
                                    low_threshold = coalesce($4, stock.low_threshold), updated_at = now()
                                where stock.reserved <= excluded.on_hand
                                returning\s""" + COLUMNS)
                        .execute(Tuple.of(sku, region, request.onHand(), request.lowStockThreshold()))
                        .onFailure(StockAdminService::unknownSku).transform(f -> skuNotFound(sku))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                throw belowReserved(before.orElseThrow());
                            }
                            StockLevel after = level(rows.iterator().next());
                            return audit.write(tx, operator, "SET_STOCK", region, "stock:" + sku,
                                    before.orElse(null), after, request.reason(), null).replaceWith(tagged(after));
                        }))));
    }

    /** A stock level with its ETag. */
    record Tagged(StockLevel level, String etag) {
    }

    private Tagged tagged(StockLevel level) {
        return new Tagged(level, etag(level));
    }

    /**
     * What a count is made against: the units on hand and the threshold (both move
     * only by a count, an adjustment or a sale), not the reservations that every
     * checkout moves.
     */
    private String etag(StockLevel level) {
        return json.etag(Map.of("sku", level.sku(), "region", level.region(), "onHand", level.onHand(),
                "lowStockThreshold", level.lowStockThreshold()));
    }

    private static String target(String region, String sku) {
        return "stock:" + region + "/" + sku;
    }

    Uni<StockLevel> adjust(Operator operator, String regionParam, String skuParam, Adjustment request) {
        String sku = skuParam.trim().toUpperCase(Locale.ROOT);
        if (request.delta() == 0) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("delta", "must not be 0")));
        }
        return region(operator, regionParam).flatMap(region -> pool.withTransaction(tx -> lock(tx, region, sku)
                .flatMap(before -> {
                    StockLevel was = before.orElseThrow(() -> stockNotFound(sku, region));
                    if ((long) was.onHand() + request.delta() > StockApi.MAX_ON_HAND) {
                        throw ProblemException.invalid(List.of(new Problem.FieldError("delta",
                                "would take on hand past " + StockApi.MAX_ON_HAND)));
                    }
                    return tx.preparedQuery("update stock set on_hand = on_hand + $3, updated_at = now() "
                                    + "where sku_code = $1 and region_code = $2 and on_hand + $3 >= reserved "
                                    + "returning " + COLUMNS)
                            .execute(Tuple.of(sku, region, request.delta()))
                            .flatMap(rows -> {
                                if (rows.size() == 0) {
                                    throw belowReserved(was);
                                }
                                StockLevel after = level(rows.iterator().next());
                                return audit.write(tx, operator, "ADJUST_STOCK", region, "stock:" + sku, was,
                                        after, request.reason(), null).replaceWith(after);
                            });
                })));
    }

    private Uni<String> region(Operator operator, String regionParam) {
        return regions.regions().map(all -> {
            String region = all.require(regionParam).view().code();
            operator.requireScope(List.of(region));
            return region;
        });
    }

    private static Uni<Optional<StockLevel>> lock(SqlClient tx, String region, String sku) {
        return tx.preparedQuery("select " + COLUMNS + " from stock where region_code = $1 and sku_code = $2 for update")
                .execute(Tuple.of(region, sku))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(level(rows.iterator().next())));
    }

    private static StockLevel level(Row row) {
        int onHand = row.getInteger("on_hand");
        int reserved = row.getInteger("reserved");
        return new StockLevel(row.getString("sku_code"), row.getString("region_code"), onHand, reserved,
                onHand - reserved, row.getInteger("low_threshold"), StockState.valueOf(row.getString("state")),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private static boolean unknownSku(Throwable failure) {
        return failure instanceof PgException pg && "23503".equals(pg.getSqlState());
    }

    private static ProblemException stockNotFound(String sku, String region) {
        return ProblemException.notFound("STOCK_NOT_FOUND", "No stock",
                "SKU " + sku + " has no stock in region " + region + "; set it first.");
    }

    private static ProblemException skuNotFound(String sku) {
        return ProblemException.notFound("SKU_NOT_FOUND", "SKU not found", "No SKU has the code '" + sku + "'.");
    }

    private static ProblemException belowReserved(StockLevel level) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("reserved", level.reserved());
        extensions.put("onHand", level.onHand());
        return new ProblemException(new Problem(409, "STOCK_BELOW_RESERVED", "Stock below reserved units",
                level.reserved() + " units of " + level.sku() + " in region " + level.region()
                        + " are held by orders and flash sales; on hand cannot go below that.", null, extensions));
    }
}
