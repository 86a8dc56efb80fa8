package storefront.stores;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import storefront.common.ETags;
import storefront.common.Json;
import storefront.common.SqlTime;
import storefront.stores.StoreApi.Address;
import storefront.stores.StoreApi.Hours;
import storefront.stores.StoreApi.Kind;
import storefront.stores.StoreApi.Location;
import storefront.stores.StoreApi.Service;
import storefront.stores.StoreApi.Status;
import storefront.stores.StoreApi.StoreView;

/**
 * Stores in SQL, where SQL is the tool: the nearest-store search (a shopper hot
 * path), a store as shown with whether it is open now, and the CSV import's
 * set-based upsert. The nearest-store search walks the GiST index on positions
 * in distance order (KNN) inside a bounding cube of the radius, so it reads the
 * stores it returns and few others, however many there are. One store as ops
 * write it is an entity ({@link Store}, {@link StoreRepository}).
 */
@Singleton
class StoreDirectory {

    /** A store as shown, with the ETag of its stored state (its version). */
    record Tagged(StoreView store, String etag) {
    }

    /** A search: point, radius, filters (null: any), the instant the stores must be open at (null: any). */
    record Search(double latitude, double longitude, double radiusKm, List<Service> services, List<Kind> kinds,
                  Instant openAt, int limit, Instant now) {
    }

    private static final String COLUMNS = """
            s.id, s.name, s.kind, s.services, s.address_line1, s.address_line2, s.city, s.postal_code, s.state,
            s.country, s.region_code, s.latitude, s.longitude, s.time_zone, s.hours::text as hours, s.phone, s.status""";

    /** Open: status OPEN and within the hours at the instant. */
    private static final String OPEN_AT = "(s.status = 'OPEN' and store_open_at(s.hours, s.time_zone, %s))";

    static final String NEAREST = "select " + COLUMNS + ", " + OPEN_AT.formatted("$8") + " as open_now,\n"
            + """
            chord_to_km(s.position <-> geo_point($1, $2)) as distance_km
            from store s
            where s.status <> 'CLOSED'
              and cube_enlarge(geo_point($1, $2), km_to_chord($3), 3) @> s.position
              and s.position <-> geo_point($1, $2) <= km_to_chord($3)
              and ($4::text[] is null or s.services @> $4::text[])
              and ($5::text[] is null or s.kind = any($5::text[]))
              and ($6::timestamptz is null or\s""" + OPEN_AT.formatted("$6") + """
            )
            order by s.position <-> geo_point($1, $2), s.id
            limit $7""";

    private static final String ONE = "select " + COLUMNS + ", s.version, " + OPEN_AT.formatted("$2")
            + " as open_now from store s where s.id = $1";

    private static final String UPSERT = """
            insert into store (id, name, kind, services, address_line1, address_line2, city, postal_code, state, country,
                               region_code, latitude, longitude, time_zone, hours, phone, status)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text::jsonb, $16, $17)
            on conflict (id) do update set
                name = excluded.name, kind = excluded.kind, services = excluded.services,
                address_line1 = excluded.address_line1, address_line2 = excluded.address_line2, city = excluded.city,
                postal_code = excluded.postal_code, state = excluded.state, country = excluded.country,
                region_code = excluded.region_code, latitude = excluded.latitude, longitude = excluded.longitude,
                time_zone = excluded.time_zone, hours = excluded.hours, phone = excluded.phone,
                status = excluded.status, updated_at = now(), version = store.version + 1""";

    private final Pool pool;
    private final Json json;

    StoreDirectory(Pool pool, Json json) {
        this.pool = pool;
        this.json = json;
    }

    Uni<List<StoreView>> nearest(Search search) {
        Tuple params = Tuple.tuple()
                .addDouble(search.latitude())
                .addDouble(search.longitude())
                .addDouble(search.radiusKm())
                .addArrayOfString(names(search.services()))
                .addArrayOfString(names(search.kinds()))
                .addOffsetDateTime(SqlTime.utc(search.openAt()))
                .addInteger(search.limit())
                .addOffsetDateTime(SqlTime.utc(search.now()));
        return pool.preparedQuery(NEAREST).execute(params).map(rows -> {
            List<StoreView> stores = new ArrayList<>(rows.size());
            rows.forEach(row -> stores.add(view(row, row.getDouble("distance_km"))));
            return stores;
        });
    }

    /** A store as shown at {@code now}, with the ETag of its version; empty when there is none. */
    Uni<Optional<Tagged>> find(String id, Instant now) {
        return pool.preparedQuery(ONE).execute(Tuple.of(id, SqlTime.utc(now)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next())
                        .map(row -> new Tagged(view(row, null), ETags.ofVersion(row.getLong("version")))));
    }

    /** The stored rows of these ids, locked for the caller's transaction. */
    Uni<Map<String, StoreRow>> lock(SqlClient tx, Collection<String> ids) {
        return rows(tx, ids, " for update");
    }

    /** The same, locked only against a change (a checkout picking up there), not against other readers. */
    Uni<Map<String, StoreRow>> sharedLock(SqlClient tx, Collection<String> ids) {
        return rows(tx, ids, " for share");
    }

    private Uni<Map<String, StoreRow>> rows(SqlClient client, Collection<String> ids, String lock) {
        return client.preparedQuery("select " + COLUMNS + " from store s where s.id = any($1) order by s.id" + lock)
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, StoreRow> stored = new HashMap<>();
                    rows.forEach(row -> stored.put(row.getString("id"), row(row)));
                    return stored;
                });
    }

    /** Creates or replaces these stores in one round trip. */
    Uni<Void> upsert(SqlClient tx, List<StoreRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>(rows.size());
        for (StoreRow row : rows) {
            Address address = row.address();
            batch.add(Tuple.tuple()
                    .addString(row.id())
                    .addString(row.name())
                    .addString(row.kind().name())
                    .addArrayOfString(names(row.services()))
                    .addString(address.line1())
                    .addString(address.line2())
                    .addString(address.city())
                    .addString(address.postalCode())
                    .addString(address.state())
                    .addString(address.country())
                    .addString(row.region())
                    .addDouble(row.latitude())
                    .addDouble(row.longitude())
                    .addString(row.timeZone())
                    .addString(json.text(row.openingHours()))
                    .addString(row.phone())
                    .addString(row.status().name()));
        }
        return tx.preparedQuery(UPSERT).executeBatch(batch).replaceWithVoid();
    }

    private StoreView view(Row row, Double distanceKm) {
        StoreRow store = row(row);
        return new StoreView(store.id(), store.name(), store.kind(), store.services(), store.address(), store.region(),
                new Location(store.latitude(), store.longitude()), store.timeZone(), store.openingHours(),
                store.phone(), store.status(), row.getBoolean("open_now"),
                distanceKm == null ? null : Math.round(distanceKm * 1000) / 1000.0);
    }

    private StoreRow row(Row row) {
        List<Service> services = Arrays.stream(row.getArrayOfStrings("services")).map(Service::valueOf).toList();
        Address address = new Address(row.getString("address_line1"), row.getString("address_line2"),
                row.getString("city"), row.getString("postal_code"), row.getString("state"), row.getString("country"));
        return new StoreRow(row.getString("id"), row.getString("name"), Kind.valueOf(row.getString("kind")), services,
                address, row.getString("region_code"), row.getDouble("latitude"), row.getDouble("longitude"),
                row.getString("time_zone"), List.of(json.read(row.getString("hours"), Hours[].class)),
                row.getString("phone"), Status.valueOf(row.getString("status")));
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return values == null || values.isEmpty() ? null : values.stream().map(Enum::name).toArray(String[]::new);
    }
}
