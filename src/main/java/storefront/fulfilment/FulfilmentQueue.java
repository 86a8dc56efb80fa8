package storefront.fulfilment;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import storefront.common.SqlTime;

/** Fulfilments as staff work through them: filtered by region, location, pickup store and status, oldest first. */
@Singleton
public class FulfilmentQueue {

    private static final String PAGE = """
            select f.id, f.order_id, o.number as order_number, o.region_code, f.number, f.kind, f.status,
                   f.location_id, o.pickup_store ->> 'id' as store, f.created_at, f.ready_at,
                   (select json_agg(json_build_object('sku', fl.sku_code, 'quantity', fl.quantity)
                                    order by fl.sku_code)
                    from fulfilment_line fl where fl.fulfilment_id = f.id)::text as lines
            from fulfilment f join customer_order o on o.id = f.order_id
            where ($1::text is null or o.region_code = $1)
              and ($2::text is null or f.location_id = $2)
              and ($3::text is null or o.pickup_store ->> 'id' = $3)
              and ($4::text is null or f.status = $4)
              and ($5::timestamptz is null or (f.created_at, f.id) > ($5, $6::uuid))
            order by f.created_at, f.id
            limit $7""";

    /** What the queue is filtered by; null matches everything. */
    public record Filter(String region, String location, String store, FulfilmentStatus status) {
    }

    @Schema(name = "QueuedFulfilment", description = "A fulfilment as a queue shows it, with its order.")
    public record Queued(
            @Schema(description = "The fulfilment's id.") UUID id,
            UUID orderId,
            @Schema(examples = "US-00000042") String order,
            @Schema(examples = "US") String region,
            @Schema(description = "1, 2, ... within the order.") int number,
            FulfilmentKind kind,
            FulfilmentStatus status,
            @Schema(examples = "wh-us") String location,
            @Schema(nullable = true, description = "For a pickup: the store it is collected at.") String pickupStore,
            List<FulfilmentEvent.Units> lines,
            Instant createdAt,
            @Schema(nullable = true) Instant readyAt) {
    }

    private final Pool pool;

    FulfilmentQueue(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} fulfilments after ({@code afterAt}, {@code afterId}), oldest first. */
    public Uni<List<Queued>> page(Filter filter, Instant afterAt, UUID afterId, int limit) {
        Tuple params = Tuple.tuple().addString(filter.region()).addString(filter.location())
                .addString(filter.store()).addString(filter.status() == null ? null : filter.status().name())
                .addOffsetDateTime(SqlTime.utc(afterAt)).addUUID(afterId).addInteger(limit);
        return pool.preparedQuery(PAGE).execute(params).map(rows -> {
            List<Queued> items = new ArrayList<>();
            for (Row row : rows) {
                List<FulfilmentEvent.Units> lines = new ArrayList<>();
                String text = row.getString("lines");
                if (text != null) {
                    new JsonArray(text).forEach(o -> lines.add(new FulfilmentEvent.Units(
                            ((io.vertx.core.json.JsonObject) o).getString("sku"),
                            ((io.vertx.core.json.JsonObject) o).getInteger("quantity"))));
                }
                items.add(new Queued(row.getUUID("id"), row.getUUID("order_id"), row.getString("order_number"),
                        row.getString("region_code"), row.getInteger("number"),
                        FulfilmentKind.valueOf(row.getString("kind")), FulfilmentStatus.valueOf(row.getString("status")),
                        row.getString("location_id"), row.getString("store"), lines,
                        row.getOffsetDateTime("created_at").toInstant(), SqlTime.instant(row.getOffsetDateTime("ready_at"))));
            }
            return items;
        });
    }
}
