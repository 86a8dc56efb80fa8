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
import storefront.common.ETags;
import storefront.common.Ids;
import storefront.common.Json;
import storefront.common.Problem;
import storefront.common.RowLocks;
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
            select id, region_code, kind, name, store_id, country, state, latitude, longitude, main
            from stock_location where id = $1""";

    private final Pool pool;
    private final RegionDirectory regions;
    private final AuditLog audit;
    private final Json json;

    LocationStockService(Pool pool, RegionDirectory regions, AuditLog audit, Json json) {
        this.pool = pool;
        this.regions = regions;
        this.audit = audit;
        this.json = json;
    }

    Uni<StockApi.LocationList> list(String regionParam) {
        String code = QueryParams.required("region", regionParam);
        return regions.regions().flatMap(all -> {
            String region = all.require(code).view().code();
            return pool.preparedQuery("""
                            select id, region_code, kind, name, store_id, country, state, latitude, longitude, main
                            from stock_location where region_code = $1 order by main desc, kind desc, id""").execute(Tuple.of(region))
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

    /** A location with its ETag, and whether the write created it. */
    record Written(Location location, String etag, boolean created) {
    }

    Uni<Written> one(String id) {
        return pool.preparedQuery(LOCATION).execute(Tuple.of(id.strip().toLowerCase(Locale.ROOT))).map(rows -> {
            if (rows.size() == 0) {
                throw locationNotFound(id);
            }
            Location location = location(rows.iterator().next());
            return new Written(location, json.etag(location), false);
        });
    }

    /**
     * Creates or replaces a location under its key lock: a warehouse of a
     * region, or a store's shelf (placed where the store is). A location keeps
     * its region and kind: its stock belongs to them.
     */
    Uni<Written> put(Operator operator, String idParam, String ifMatch, StockApi.LocationInput input) {
        String id = idParam.strip().toLowerCase(Locale.ROOT);
        Ids.codeProblem("id", id).ifPresent(error -> {
            throw ProblemException.invalid(List.of(error));
        });
        String target = "location:" + id;
        return regions.regions().flatMap(all -> pool.withTransaction(tx -> RowLocks.lockKey(Statements.on(tx), target)
                .flatMap(v -> tx.preparedQuery(LOCATION).execute(Tuple.of(id)))
                .flatMap(rows -> {
                    Location before = rows.size() == 0 ? null : location(rows.iterator().next());
                    ETags.requireMatch(ifMatch, before == null ? null : json.etag(before), target,
                            "GET /api/v1/admin/locations/" + id);
                    return placed(tx, all, id, input, before).flatMap(after -> {
                        operator.requireScope(List.of(after.region()));
                        if (after.equals(before)) {
                            return Uni.createFrom().item(new Written(before, json.etag(before), false));
                        }
                        String write = before == null ? """
                                insert into stock_location (id, region_code, kind, store_id, name, country, state,
                                    latitude, longitude) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""" : """
                                update stock_location set name = $5, country = $6, state = $7, latitude = $8,
                                    longitude = $9
                                where id = $1 and region_code = $2 and kind = $3
                                  and store_id is not distinct from $4""";
                        return tx.preparedQuery(write).execute(Tuple.tuple().addString(id).addString(after.region())
                                        .addString(after.kind()).addString(after.store()).addString(after.name())
                                        .addString(after.country()).addString(after.state()).addDouble(after.latitude())
                                        .addDouble(after.longitude()))
                                .flatMap(x -> audit.record(Statements.on(tx), operator, new AuditLog.Change(
                                        before == null ? "CREATE_STOCK_LOCATION" : "UPDATE_STOCK_LOCATION",
                                        after.region(), target, before, after), input.reason().strip(), null))
                                .replaceWith(new Written(after, json.etag(after), before == null));
                    });
                })));
    }

    /** The location as the input places it: checked against the region, or taken from its store. */
    private Uni<Location> placed(SqlClient tx, storefront.region.Regions all, String id, StockApi.LocationInput input,
                                 Location before) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (before != null && !before.kind().equals(input.kind())) {
            errors.add(new Problem.FieldError("kind", "stays " + before.kind() + ": the location's stock is kept so"));
        }
        if (input.kind().equals("STORE")) {
            if (QueryParams.given(input.store()) == null) {
                errors.add(new Problem.FieldError("store", "is required for a store's shelf"));
            }
            for (String placedByStore : new String[] {"country", "state", "latitude", "longitude"}) {
                Object given = switch (placedByStore) {
                    case "country" -> input.country();
                    case "state" -> input.state();
                    case "latitude" -> input.latitude();
                    default -> input.longitude();
                };
                if (given != null) {
                    errors.add(new Problem.FieldError(placedByStore, "is the store's: leave it out"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            String store = input.store().strip().toLowerCase(Locale.ROOT);
            return tx.preparedQuery("""
                            select s.region_code, s.name, s.country, s.state, s.latitude, s.longitude, l.id as shelf
                            from store s left join stock_location l on l.store_id = s.id where s.id = $1""")
                    .execute(Tuple.of(store)).map(rows -> {
                        if (rows.size() == 0) {
                            throw ProblemException.invalid(List.of(new Problem.FieldError("store",
                                    "is not a store of the directory")));
                        }
                        Row row = rows.iterator().next();
                        String shelf = row.getString("shelf");
                        if (shelf != null && !shelf.equals(id)) {
                            throw ProblemException.invalid(List.of(new Problem.FieldError("store",
                                    "has its shelf already: location " + shelf)));
                        }
                        if (before != null && !store.equals(before.store())) {
                            throw ProblemException.invalid(List.of(new Problem.FieldError("store",
                                    "stays " + before.store() + ": the location's stock is kept so")));
                        }
                        String name = QueryParams.given(input.name()) == null ? row.getString("name")
                                : input.name().strip();
                        return new Location(id, row.getString("region_code"), "STORE", name, store,
                                row.getString("country"), storeState(row.getString("state")),
                                row.getDouble("latitude"), row.getDouble("longitude"), before != null && before.main());
                    });
        }
        if (QueryParams.given(input.region()) == null) {
            errors.add(new Problem.FieldError("region", "is required for a warehouse"));
        }
        if (QueryParams.given(input.name()) == null) {
            errors.add(new Problem.FieldError("name", "is required for a warehouse"));
        }
        if (input.store() != null) {
            errors.add(new Problem.FieldError("store", "is for a store's shelf only"));
        }
        if ((input.latitude() == null) != (input.longitude() == null)) {
            errors.add(new Problem.FieldError("longitude", "goes with latitude: both or neither"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        storefront.region.RegionView region = all.require(input.region()).view();
        if (before != null && !before.region().equals(region.code())) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("region",
                    "stays " + before.region() + ": the location's stock is counted there")));
        }
        String country = input.country() == null ? null : input.country().toUpperCase(Locale.ROOT);
        if (country != null && !region.countries().contains(country)) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("country",
                    "is not a country of region " + region.code() + "; one of " + String.join(", ",
                            region.countries()))));
        }
        return Uni.createFrom().item(new Location(id, region.code(), "WAREHOUSE", input.name().strip(), null, country,
                input.state() == null ? null : input.state().toUpperCase(Locale.ROOT), input.latitude(),
                input.longitude(), before != null && before.main()));
    }

    /** A store's state as a location keeps it (a code of up to three letters or digits), or none. */
    private static String storeState(String state) {
        return state != null && state.matches("[A-Za-z0-9]{1,3}") ? state.toUpperCase(Locale.ROOT) : null;
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
                throw locationNotFound(id);
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

    private static ProblemException locationNotFound(String id) {
        return ProblemException.notFound("LOCATION_NOT_FOUND", "Stock location not found",
                "No stock location has the id '" + id.strip() + "'.");
    }

    private static Location location(Row row) {
        return new Location(row.getString("id"), row.getString("region_code"), row.getString("kind"),
                row.getString("name"), row.getString("store_id"), row.getString("country"), row.getString("state"),
                row.getDouble("latitude"), row.getDouble("longitude"), row.getBoolean("main"));
    }

    private static LocationStockLevel level(String location, String sku, int onHand, int allocated) {
        return new LocationStockLevel(location, sku, onHand, allocated, onHand - allocated);
    }
}
