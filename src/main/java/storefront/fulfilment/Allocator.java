package storefront.fulfilment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;

/**
 * Allocates a paid order to stock locations, in the payment's transaction:
 * the order's units become {@code allocated} at the locations {@link Allocation}
 * chose (the region's stock row loses them by the database's trigger) and one
 * fulfilment per location is written, each announced as allocated.
 *
 * <p>The location rows are locked in key order before they are read, so two
 * allocations of the same SKUs queue instead of both seeing the same units,
 * and every take is conditional ({@code on_hand - allocated >= n}).
 */
@Singleton
public class Allocator {

    private static final String ORDER = """
            select o.number, o.region_code, o.shipping_country, o.shipping_address ->> 'state' as state,
                   o.pickup_store ->> 'id' as pickup_store,
                   (select json_agg(json_build_object('sku', x.sku_code, 'quantity', x.quantity) order by x.sku_code)
                    from (select sku_code, sum(quantity)::int as quantity from order_line where order_id = o.id
                          group by sku_code) x) as lines
            from customer_order o where o.id = $1 and o.allocated_at is null""";

    /**
     * The region's locations, as a destination prefers them: a pickup's own
     * store, then warehouses before stores (a store's shelf is for its own
     * shoppers, so it ships only what no warehouse can), then the nearest.
     */
    private static final String NEAREST_FIRST = """
            select l.id from stock_location l left join store s on s.id = $2
            where l.region_code = $1
            order by (l.store_id is not null and l.store_id = $2) desc, (l.kind = 'WAREHOUSE') desc,
                     (l.country = $3 and l.state is not distinct from $4) desc, (l.country = $3) desc,
                     case when l.latitude is not null then geo_point(l.latitude, l.longitude) <-> s.position end
                         nulls last,
                     l.main desc, l.id""";

    private static final String LOCK = """
            select ls.location_id, ls.sku_code, ls.on_hand - ls.allocated as free
            from location_stock ls join stock_location l on l.id = ls.location_id
            where l.region_code = $1 and ls.sku_code = any($2::text[])
            order by ls.location_id, ls.sku_code for update of ls""";

    private static final String TAKE = """
            update location_stock ls set allocated = ls.allocated + w.qty, updated_at = now()
            from unnest($1::text[], $2::text[], $3::int[]) as w(location, sku, qty)
            where ls.location_id = w.location and ls.sku_code = w.sku and ls.on_hand - ls.allocated >= w.qty""";

    private static final String FULFILMENT = """
            insert into fulfilment (id, order_id, number, location_id, kind, status)
            values ($1, $2, $3, $4, $5, 'ALLOCATED')""";

    private static final String LINES = """
            insert into fulfilment_line (fulfilment_id, sku_code, quantity)
            select $1, sku, qty from unnest($2::text[], $3::int[]) as w(sku, qty)""";

    /** The order's fulfilments, locked, with their lines. */
    private static final String FULFILMENTS = """
            select f.id, f.number, f.kind, f.status, f.location_id,
                   (select json_agg(json_build_object('sku', fl.sku_code, 'quantity', fl.quantity)
                                    order by fl.sku_code)
                    from fulfilment_line fl where fl.fulfilment_id = f.id) as lines
            from fulfilment f where f.order_id = $1 order by f.number for update of f""";

    private static final String LOCK_REGION = """
            select 1 from stock where region_code = $1 and sku_code = any($2::text[])
            order by sku_code for update""";

    private static final String LOCK_LOCATIONS = """
            select 1 from location_stock where (location_id, sku_code) in
                (select * from unnest($1::text[], $2::text[]))
            order by location_id, sku_code for update""";

    private static final String GIVE_BACK = """
            update location_stock ls set allocated = ls.allocated - w.qty, updated_at = now()
            from unnest($1::text[], $2::text[], $3::int[]) as w(location, sku, qty)
            where ls.location_id = w.location and ls.sku_code = w.sku""";

    private static final String CANCEL = """
            update fulfilment set status = 'CANCELLED', cancelled_at = now(), version = version + 1
            where id = any($1::uuid[])""";

    private static final String RESTOCK = """
            with w as (select * from unnest($2::text[], $3::int[]) as w(sku, qty)),
            up as (update location_stock ls set on_hand = ls.on_hand + w.qty, updated_at = now()
                   from w where ls.location_id = $1 and ls.sku_code = w.sku returning ls.sku_code)
            insert into location_stock (location_id, sku_code, on_hand)
            select $1, w.sku, w.qty from w where w.sku not in (select sku_code from up)""";

    private final Events events;

    Allocator(Events events) {
        this.events = events;
    }

    /** Allocates the order if it is not allocated yet; the region's stock rows must be locked already. */
    public Uni<Void> allocate(SqlClient tx, UUID orderId) {
        return tx.preparedQuery(ORDER).execute(Tuple.of(orderId)).flatMap(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().voidItem();
            }
            Row order = rows.iterator().next();
            Map<String, Integer> wanted = new TreeMap<>();
            JsonArray lines = order.getJsonArray("lines");
            for (int i = 0; lines != null && i < lines.size(); i++) {
                JsonObject line = lines.getJsonObject(i);
                wanted.put(line.getString("sku"), line.getInteger("quantity"));
            }
            String region = order.getString("region_code");
            String pickup = order.getString("pickup_store");
            return tx.preparedQuery(NEAREST_FIRST)
                    .execute(Tuple.of(region, pickup, order.getString("shipping_country"), order.getString("state")))
                    .flatMap(nearest -> tx.preparedQuery(LOCK)
                            .execute(Tuple.of(region, wanted.keySet().toArray(String[]::new)))
                            .map(locked -> candidates(nearest, locked)))
                    .flatMap(candidates -> write(tx, orderId, order.getString("number"), region,
                            pickup == null ? FulfilmentKind.SHIPMENT : FulfilmentKind.PICKUP, Allocation.plan(wanted, candidates)));
        });
    }

    private static List<Allocation.Candidate> candidates(Iterable<Row> nearest, Iterable<Row> locked) {
        Map<String, Map<String, Integer>> free = new LinkedHashMap<>();
        nearest.forEach(row -> free.put(row.getString("id"), new LinkedHashMap<>()));
        locked.forEach(row -> free.computeIfAbsent(row.getString("location_id"), k -> new LinkedHashMap<>())
                .put(row.getString("sku_code"), row.getInteger("free")));
        List<Allocation.Candidate> candidates = new ArrayList<>();
        free.forEach((location, units) -> candidates.add(new Allocation.Candidate(location, units)));
        return candidates;
    }

    private Uni<Void> write(SqlClient tx, UUID orderId, String number, String region, FulfilmentKind kind,
                            Allocation.Plan plan) {
        if (!plan.shortfall().isEmpty()) {
            throw new IllegalStateException("Order " + number + " cannot be allocated in region " + region
                    + ": no location holds " + plan.shortfall() + " (the region's stock and its locations differ)");
        }
        List<String> locations = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        plan.parcels().forEach(parcel -> parcel.units().forEach((sku, quantity) -> {
            locations.add(parcel.location());
            skus.add(sku);
            quantities.add(quantity);
        }));
        Uni<Void> chain = tx.preparedQuery(TAKE).execute(Tuple.of(locations.toArray(String[]::new),
                        skus.toArray(String[]::new)).addArrayOfInteger(quantities.toArray(Integer[]::new)))
                .map(taken -> {
                    if (taken.rowCount() != locations.size()) {
                        throw new IllegalStateException("Order " + number + ": a location lost units it was "
                                + "locked with");
                    }
                    return null;
                });
        for (int i = 0; i < plan.parcels().size(); i++) {
            Allocation.Parcel parcel = plan.parcels().get(i);
            UUID id = UUID.randomUUID();
            int n = i + 1;
            Map<String, Integer> units = new TreeMap<>(parcel.units());
            FulfilmentEvent event = new FulfilmentEvent(number, orderId, region, id, n, kind,
                    FulfilmentStatus.ALLOCATED, parcel.location(),
                    units.entrySet().stream().map(e -> new FulfilmentEvent.Units(e.getKey(), e.getValue())).toList(),
                    null, null, null);
            chain = chain
                    .flatMap(v -> tx.preparedQuery(FULFILMENT).execute(Tuple.of(id, orderId, n, parcel.location(),
                            kind.name())))
                    .flatMap(v -> tx.preparedQuery(LINES).execute(Tuple.of(id, units.keySet().toArray(String[]::new))
                            .addArrayOfInteger(units.values().toArray(Integer[]::new))))
                    .flatMap(v -> events.emit(Statements.on(tx), EventType.FULFILMENT_ALLOCATED, "order/" + number,
                            region, event));
        }
        return chain.flatMap(v -> tx.preparedQuery(
                        "update customer_order set allocated_at = now(), updated_at = now() where id = $1")
                .execute(Tuple.of(orderId))).replaceWithVoid();
    }

    /** A fulfilment of an order as the allocator reads it back. */
    public record Held(UUID id, UUID orderId, int number, FulfilmentKind kind, FulfilmentStatus status,
                       String location, Map<String, Integer> units) {

        FulfilmentEvent cancelled(String orderNumber, String region) {
            return new FulfilmentEvent(orderNumber, orderId, region, id, number, kind, FulfilmentStatus.CANCELLED,
                    location, units.entrySet().stream().map(e -> new FulfilmentEvent.Units(e.getKey(), e.getValue()))
                            .toList(), null, null, null);
        }
    }

    /** The order's fulfilments, locked until the transaction ends (after the order's own row). */
    public Uni<List<Held>> lockFulfilments(SqlClient tx, UUID orderId) {
        return tx.preparedQuery(FULFILMENTS).execute(Tuple.of(orderId)).map(rows -> {
            List<Held> held = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Integer> units = new TreeMap<>();
                JsonArray lines = row.getJsonArray("lines");
                for (int i = 0; lines != null && i < lines.size(); i++) {
                    units.put(lines.getJsonObject(i).getString("sku"), lines.getJsonObject(i).getInteger("quantity"));
                }
                held.add(new Held(row.getUUID("id"), orderId, row.getInteger("number"),
                        FulfilmentKind.valueOf(row.getString("kind")), FulfilmentStatus.valueOf(row.getString("status")),
                        row.getString("location_id"), units));
            }
            return held;
        });
    }

    /**
     * Cancels the fulfilments still at their location ({@code held}, from
     * {@link #lockFulfilments}) and gives their units back: each location's
     * allocation shrinks, so the region's stock grows by the database's trigger.
     * Locks the region's stock rows (SKU order), then the location rows, as
     * allocation does. Each cancelled fulfilment is announced.
     */
    public Uni<Void> release(SqlClient tx, String orderNumber, String region, List<Held> held) {
        List<Held> open = held.stream().filter(h -> h.status() == FulfilmentStatus.ALLOCATED
                || h.status() == FulfilmentStatus.PACKED).toList();
        if (open.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Integer> byKey = new TreeMap<>();
        open.forEach(h -> h.units().forEach((sku, q) -> byKey.merge(h.location() + "\u0000" + sku, q, Integer::sum)));
        List<String> locations = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        byKey.forEach((key, q) -> {
            locations.add(key.substring(0, key.indexOf('\u0000')));
            skus.add(key.substring(key.indexOf('\u0000') + 1));
            quantities.add(q);
        });
        String[] regionSkus = new java.util.TreeSet<>(skus).toArray(String[]::new);
        Uni<Void> chain = tx.preparedQuery(LOCK_REGION).execute(Tuple.of(region, regionSkus))
                .flatMap(v -> tx.preparedQuery(LOCK_LOCATIONS).execute(Tuple.of(locations.toArray(String[]::new),
                        skus.toArray(String[]::new))))
                .flatMap(v -> tx.preparedQuery(GIVE_BACK).execute(Tuple.of(locations.toArray(String[]::new),
                        skus.toArray(String[]::new)).addArrayOfInteger(quantities.toArray(Integer[]::new))))
                .flatMap(v -> tx.preparedQuery(CANCEL).execute(Tuple.of(open.stream().map(Held::id)
                        .toArray(UUID[]::new))))
                .replaceWithVoid();
        for (Held h : open) {
            chain = chain.flatMap(v -> events.emit(Statements.on(tx), EventType.FULFILMENT_CANCELLED,
                    "order/" + orderNumber, region, h.cancelled(orderNumber, region)));
        }
        return chain;
    }

    /**
     * Puts returned units back on a location's shelf (the region's stock grows
     * by the database's trigger), locking the region's stock rows first, in SKU
     * order, as every other writer of stock does.
     */
    public Uni<Void> restock(SqlClient tx, String region, String location, Map<String, Integer> units) {
        Map<String, Integer> positive = new TreeMap<>();
        units.forEach((sku, q) -> {
            if (q > 0) {
                positive.put(sku, q);
            }
        });
        if (positive.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] skus = positive.keySet().toArray(String[]::new);
        return tx.preparedQuery(LOCK_REGION).execute(Tuple.of(region, skus))
                .flatMap(v -> tx.preparedQuery(RESTOCK).execute(Tuple.of(location, skus)
                        .addArrayOfInteger(positive.values().toArray(Integer[]::new))))
                .replaceWithVoid();
    }
}
