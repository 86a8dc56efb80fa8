package storefront.inventory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.common.ETags;
import storefront.common.Json;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.common.RowLocks;
import storefront.common.Statements;
import storefront.inventory.StockApi.Adjustment;
import storefront.inventory.StockApi.SetStock;
import storefront.inventory.StockApi.StockLevel;
import storefront.inventory.StockApi.StockList;
import storefront.region.RegionDirectory;

/**
 * Ops on stock: read it, set it after a count, adjust it for a delivery or a
 * loss. Units on hand never drop below what orders and flash sales hold; each
 * change is audited in its transaction. Ops write the stock row as an entity
 * ({@link StockRow}) under its row lock.
 */
@Singleton
class StockAdminService {

    private final Clock clock;
    private final StockRepository stock;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final Json json;

    StockAdminService(Clock clock, StockRepository stock, RegionDirectory regions, AuditLog audit, Json json) {
        this.clock = clock;
        this.stock = stock;
        this.json = json;
        this.regions = regions;
        this.audit = audit;
    }

    Uni<StockList> list(String regionParam, String skuParam) {
        String regionCode = QueryParams.required("region", regionParam);
        return regions.regions().flatMap(all -> {
            String region = all.require(regionCode).view().code();
            String sku = skuParam == null || skuParam.isBlank() ? null : skuParam.trim().toUpperCase(Locale.ROOT);
            return stock.inRegion(region, sku).map(rows -> new StockList(rows.stream().map(StockRow::level).toList()));
        });
    }

    /** One SKU's stock in a region, with the ETag that setting it needs. */
    Uni<Tagged> one(String regionParam, String skuParam) {
        String sku = skuParam.trim().toUpperCase(Locale.ROOT);
        return regions.regions().flatMap(all -> {
            String region = all.require(regionParam).view().code();
            return stock.one(region, sku).map(row -> {
                if (row == null) {
                    throw stockNotFound(sku, region);
                }
                return tagged(row.level());
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
        return region(operator, regionParam).flatMap(region -> Panache.withTransaction(() -> RowLocks
                .findOrLockToCreate(target(region, sku), () -> stock.locked(region, sku))
                .flatMap(row -> {
                    StockLevel before = row == null ? null : row.level();
                    ETags.requireMatch(ifMatch, before == null ? null : etag(before), target(region, sku),
                            "GET /api/v1/admin/stock/" + region + "/" + sku);
                    if (before != null && before.reserved() > request.onHand()) {
                        throw belowReserved(before);
                    }
                    Uni<StockRow> counted = row != null ? Uni.createFrom().item(row)
                            : stock.skuExists(sku).map(exists -> {
                                if (!exists) {
                                    throw skuNotFound(sku);
                                }
                                return StockRow.of(sku, region);
                            });
                    int delta = request.onHand() - (before == null ? 0 : before.onHand());
                    return counted
                            .call(r -> heldElsewhere(r, delta))
                            .invoke(r -> r.count(request.onHand(), request.lowStockThreshold(), clock.instant()))
                            .flatMap(r -> stock.store(r, before == null, delta))
                            .flatMap(r -> audit.record(Statements.inSession(), operator, new AuditLog.Change(
                                            "SET_STOCK", region, "stock:" + sku, before, r.level()), request.reason(),
                                    null).replaceWith(tagged(r.level())));
                })));
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
        return region(operator, regionParam).flatMap(region -> Panache.withTransaction(() -> stock.locked(region, sku)
                .flatMap(row -> {
                    if (row == null) {
                        throw stockNotFound(sku, region);
                    }
                    StockLevel was = row.level();
                    if ((long) was.onHand() + request.delta() > StockApi.MAX_ON_HAND) {
                        throw ProblemException.invalid(List.of(new Problem.FieldError("delta",
                                "would take on hand past " + StockApi.MAX_ON_HAND)));
                    }
                    if (was.onHand() + request.delta() < was.reserved()) {
                        throw belowReserved(was);
                    }
                    return heldElsewhere(row, request.delta())
                            .invoke(() -> row.adjust(request.delta(), clock.instant()))
                            .flatMap(v -> stock.store(row, false, request.delta())).flatMap(r -> audit.record(Statements.inSession(), operator,
                            new AuditLog.Change("ADJUST_STOCK", region, "stock:" + sku, was, r.level()),
                            request.reason(), null).replaceWith(r.level()));
                })));
    }

    /**
     * The region-wide count moves its main warehouse: units on the shelves of
     * other locations cannot be counted away here (409 STOCK_AT_OTHER_LOCATIONS).
     */
    private Uni<Void> heldElsewhere(StockRow row, int delta) {
        if (delta >= 0) {
            return Uni.createFrom().voidItem();
        }
        return stock.freeAtMain(row.regionCode, row.skuCode).map(free -> {
            if (free + delta < 0) {
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("atMainWarehouse", free);
                throw new ProblemException(new Problem(409, "STOCK_AT_OTHER_LOCATIONS", "Stock at other locations",
                        "Only " + free + " unsold units of " + row.skuCode + " are at the main warehouse of region "
                                + row.regionCode + "; the rest are at other locations.", null, extensions));
            }
            return null;
        });
    }

    private Uni<String> region(Operator operator, String regionParam) {
        return regions.regions().map(all -> {
            String region = all.require(regionParam).view().code();
            operator.requireScope(List.of(region));
            return region;
        });
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
