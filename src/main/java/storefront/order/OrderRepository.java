package storefront.order;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import storefront.common.BusinessMetrics;
import storefront.common.Json;
import storefront.common.SqlTime;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;
import storefront.order.OrderApi.ShippingAddress;

/** Orders and their lines, on whichever connection the caller holds. */
@Singleton
class OrderRepository {

    private static final String INSERT = """
            insert into customer_order (id, number, access_token_hash, cart_id, region_code, currency, customer_id,
                email, shipping_address, shipping_country, status, tax_mode, tax_rate_bps, subtotal_minor,
                shipping_minor, tax_minor, total_minor, payment_provider, stock_status, reserved_until,
                delivery_method, delivery_name, delivery_min_days, delivery_max_days, pickup_store, pickup_code)
            values ($1, $4::text || '-' || lpad(nextval('order_number_seq')::text, 8, '0'), $2, $3, $4::text, $5, $6,
                $7, $8::text::jsonb, $9, 'PENDING_PAYMENT', $10, $11, $12, $13, $14, $15, $16, 'RESERVED', $17,
                $18, $19, $20, $21, $22::text::jsonb, $23)
            returning\s""" + OrderEvent.COLUMNS;

    private static final String INSERT_LINES = """
            insert into order_line (order_id, line_no, sku_code, product_slug, name, options, unit_price_minor,
                quantity, line_total_minor)
            select $1, n, sku, product, name, options::jsonb, price, qty, price * qty
            from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::int[])
                with ordinality as l(sku, product, name, options, price, qty, n)""";

    private static final String SELECT = """
            select o.id, o.number, o.access_token_hash, o.region_code, o.currency, o.customer_id, o.email,
                   o.shipping_address::text as shipping_address, o.status, o.tax_mode, o.tax_rate_bps,
                   o.subtotal_minor, o.shipping_minor, o.tax_minor, o.total_minor, o.refunded_minor,
                   o.payment_provider, o.payment_intent_id, o.payment_error, o.created_at, o.paid_at,
                   o.reserved_until, o.delivery_method, o.delivery_name, o.delivery_min_days, o.delivery_max_days,
                   o.pickup_store::text as pickup_store, o.pickup_code, o.cancelled_at, o.cancelled_by,
                   o.cancel_reason,
                   (select json_agg(json_build_object('sku', l.sku_code, 'product', l.product_slug, 'name', l.name,
                                        'options', l.options, 'price', l.unit_price_minor, 'quantity', l.quantity)
                                    order by l.line_no)
                    from order_line l where l.order_id = o.id) as lines,
                   (select json_agg(json_build_object('number', f.number, 'kind', f.kind, 'status', f.status,
                                        'location', f.location_id, 'carrier', f.carrier,
                                        'trackingNumber', f.tracking_number, 'trackingUrl', f.tracking_url,
                                        'shippedAt', f.shipped_at, 'deliveredAt', f.delivered_at,
                                        'readyAt', f.ready_at, 'collectedAt', f.collected_at,
                                        'lines', (select json_agg(json_build_object('sku', fl.sku_code,
                                                                      'quantity', fl.quantity) order by fl.sku_code)
                                                  from fulfilment_line fl where fl.fulfilment_id = f.id))
                                    order by f.number)::text
                    from fulfilment f where f.order_id = o.id) as fulfilments,
                   (select max(greatest(f.delivered_at, f.collected_at) + make_interval(days => r.return_days))
                    from fulfilment f join region r on r.code = o.region_code
                    where f.order_id = o.id and f.status in ('DELIVERED', 'COLLECTED')) as return_by,
                   (select json_agg(json_build_object('id', t.id, 'number', t.number, 'status', t.status,
                                        'reason', t.reason, 'requestedAt', t.requested_at,
                                        'location', t.location_id, 'receivedAt', t.received_at,
                                        'refund', case when t.refund_minor is null then null
                                                  else json_build_object('amountMinor', t.refund_minor,
                                                                         'currency', o.currency) end,
                                        'refusal', t.refusal, 'decidedAt', t.decided_at,
                                        'lines', (select json_agg(json_build_object('sku', rl.sku_code,
                                                      'quantity', rl.quantity, 'restocked', rl.restocked,
                                                      'writtenOff', rl.written_off) order by rl.sku_code)
                                                  from order_return_line rl where rl.return_id = t.id))
                                    order by t.number)::text
                    from order_return t where t.order_id = o.id) as returns,
                   (select json_agg(json_build_object('at', r.created_at,
                                        'amount', json_build_object('amountMinor', r.amount_minor,
                                                                    'currency', o.currency))
                                    order by r.created_at, r.id)::text
                    from refund r where r.order_id = o.id) as refunds
            from customer_order o""";

    private final Json json;

    private final BusinessMetrics metrics;

    private final Events events;

    OrderRepository(Json json, BusinessMetrics metrics, Events events) {
        this.events = events;
        this.json = json;
        this.metrics = metrics;
    }

    public Uni<Void> insert(SqlClient tx, NewOrder order) {
        Tuple row = Tuple.tuple()
                .addUUID(order.id()).addBuffer(Buffer.buffer(order.accessTokenHash()))
                .addUUID(order.cartId()).addString(order.region())
                .addString(order.currency()).addString(order.customerId()).addString(order.email())
                .addString(json.text(order.address())).addString(order.address().country())
                .addString(order.taxMode()).addInteger(order.taxRateBps()).addLong(order.subtotal())
                .addLong(order.shipping()).addLong(order.tax()).addLong(order.total()).addString(order.provider())
                .addOffsetDateTime(SqlTime.utc(order.reservedUntil()))
                .addString(order.delivery().method()).addString(order.delivery().name())
                .addInteger(order.delivery().minDays()).addInteger(order.delivery().maxDays())
                .addString(order.pickup() == null ? null : json.text(order.pickup().store()))
                .addString(order.pickup() == null ? null : order.pickup().code());
        List<LineItem> lines = order.lines();
        Tuple lineRows = Tuple.of(order.id(),
                lines.stream().map(LineItem::sku).toArray(String[]::new),
                lines.stream().map(LineItem::product).toArray(String[]::new),
                lines.stream().map(LineItem::name).toArray(String[]::new),
                lines.stream().map(l -> json.text(l.options())).toArray(String[]::new),
                lines.stream().map(LineItem::unitPrice).toArray(Long[]::new))
                .addArrayOfInteger(lines.stream().map(LineItem::quantity).toArray(Integer[]::new));
        return tx.preparedQuery(INSERT).execute(row)
                .call(rows -> emit(tx, EventType.ORDER_CREATED, OrderEvent.of(rows.iterator().next())))
                .flatMap(v -> tx.preparedQuery(INSERT_LINES).execute(lineRows))
                .invoke(() -> countEntered(tx, order.region(), OrderStatus.PENDING_PAYMENT.name()))
                .replaceWithVoid();
    }

    /** The order; with {@code lock}, its row is locked until the transaction ends. */
    public Uni<Optional<StoredOrder>> find(SqlClient client, UUID id, boolean lock) {
        return one(client, SELECT + " where o.id = $1" + (lock ? " for update of o" : ""), Tuple.of(id));
    }

    public Uni<Optional<StoredOrder>> findByPaymentIntent(SqlClient client, String paymentIntentId) {
        return one(client, SELECT + " where o.payment_intent_id = $1 for update of o", Tuple.of(paymentIntentId));
    }

    /** A customer's orders, newest first, after (older than) the given position. */
    public Uni<List<StoredOrder>> ofCustomer(SqlClient client, String customerId, Instant beforeAt, UUID beforeId,
                                             int limit) {
        return client.preparedQuery(SELECT + """

                         where o.customer_id = $1
                           and ($2::timestamptz is null or (o.created_at, o.id) < ($2, $3::uuid))
                         order by o.created_at desc, o.id desc
                         limit $4""")
                .execute(Tuple.of(customerId, SqlTime.utc(beforeAt), beforeId, limit))
                .map(rows -> {
                    List<StoredOrder> orders = new ArrayList<>();
                    rows.forEach(row -> orders.add(order(row)));
                    return orders;
                });
    }

    /** Records the PaymentIntent made for the order; never replaces another one. */
    public Uni<Boolean> attachPaymentIntent(SqlClient client, UUID orderId, String paymentIntentId) {
        return client.preparedQuery("""
                        update customer_order set payment_intent_id = $2, updated_at = now()
                        where id = $1 and (payment_intent_id is null or payment_intent_id = $2)""")
                .execute(Tuple.of(orderId, paymentIntentId)).map(rows -> rows.rowCount() == 1);
    }

    /** Replaces the order's access token (only its hash is kept). */
    public Uni<Void> setAccessToken(SqlClient client, UUID orderId, String token) {
        return client.preparedQuery("update customer_order set access_token_hash = $2 where id = $1")
                .execute(Tuple.tuple().addUUID(orderId).addBuffer(Buffer.buffer(OrderTokens.hash(token))))
                .replaceWithVoid();
    }

    /**
     * Which event a payment transition is, if any: paid, refunded (more than
     * before), cancelled, or a failed attempt (a new payment error on an order
     * still waiting for its payment).
     */
    static EventType paymentEvent(OrderEvent order, boolean moved, Long previousRefunded, String previousError) {
        OrderStatus status = OrderStatus.valueOf(order.status());
        if (moved && status == OrderStatus.PAID) {
            return EventType.ORDER_PAID;
        }
        if ((status == OrderStatus.PARTIALLY_REFUNDED || status == OrderStatus.REFUNDED)
                && (moved || previousRefunded == null || order.refundedMinor() > previousRefunded)) {
            return EventType.ORDER_REFUNDED;
        }
        if (moved && status == OrderStatus.CANCELLED) {
            return EventType.ORDER_CANCELLED;
        }
        if (status == OrderStatus.PENDING_PAYMENT && order.paymentError() != null
                && !order.paymentError().equals(previousError)) {
            return EventType.ORDER_PAYMENT_FAILED;
        }
        return null;
    }

    private Uni<Void> emit(SqlClient tx, EventType type, OrderEvent order) {
        return events.emit(Statements.on(tx), type, "order/" + order.number(), order.region(), order);
    }

    private void countEntered(SqlClient tx, String region, String state) {
        BusinessMetrics.afterCommit(tx, () -> metrics.orderEntered(region, state));
    }

    /** Writes a payment transition. */
    public Uni<Void> applyPayment(SqlClient tx, UUID orderId, OrderStateMachine.State state, boolean paidNow,
                                  String paymentError) {
        return tx.preparedQuery("""
                        with before as (select status, refunded_minor, payment_error from customer_order where id = $1)
                        update customer_order o
                        set status = $2, refunded_minor = $3, payment_error = $4, updated_at = now(),
                            paid_at = case when $5 then coalesce(paid_at, now()) else paid_at end
                        from before
                        where o.id = $1
                        returning before.status as previous, before.refunded_minor as previous_refunded,
                                  before.payment_error as previous_error,\s""" + OrderEvent.columns("o"))
                .execute(Tuple.of(orderId, state.status().name(), state.refunded(), paymentError, paidNow))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    OrderEvent order = OrderEvent.of(row);
                    boolean moved = !order.status().equals(row.getString("previous"));
                    if (moved) {
                        countEntered(tx, order.region(), order.status());
                    }
                    EventType type = paymentEvent(order, moved, row.getLong("previous_refunded"),
                            row.getString("previous_error"));
                    return type == null ? Uni.createFrom().voidItem() : emit(tx, type, order);
                });
    }

    /**
     * A pending order whose reservation ran out becomes EXPIRED; its PaymentIntent,
     * if it has one, is marked for cancelling. Answers whether it was pending.
     */
    public Uni<Boolean> expire(SqlClient tx, UUID orderId) {
        return tx.preparedQuery("""
                        update customer_order
                        set status = 'EXPIRED', cancel_payment = payment_intent_id is not null, updated_at = now()
                        where id = $1 and status = 'PENDING_PAYMENT'
                        returning\s""" + OrderEvent.COLUMNS)
                .execute(Tuple.of(orderId)).flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    OrderEvent order = OrderEvent.of(rows.iterator().next());
                    countEntered(tx, order.region(), "EXPIRED");
                    return emit(tx, EventType.ORDER_EXPIRED, order).replaceWith(true);
                });
    }

    /**
     * Up to {@code limit} pending orders whose reservation ran out, oldest first,
     * locked; rows another replica holds are skipped, not waited for.
     */
    public Uni<List<UUID>> lockOverdue(SqlClient tx, int limit) {
        return tx.preparedQuery("""
                        select id from customer_order
                        where stock_status = 'RESERVED' and reserved_until < now() and status = 'PENDING_PAYMENT'
                        order by reserved_until limit $1 for update skip locked""")
                .execute(Tuple.of(limit)).map(OrderRepository::ids);
    }

    /** Up to {@code limit} orders whose PaymentIntent is to be cancelled, longest waiting first. */
    public Uni<List<UUID>> paymentsToCancel(SqlClient client, int limit) {
        return client.preparedQuery("select id from customer_order where cancel_payment order by updated_at limit $1")
                .execute(Tuple.of(limit)).map(OrderRepository::ids);
    }

    /** The order's PaymentIntent is cancelled at the provider (or will never be). */
    public Uni<Void> paymentCancelled(SqlClient client, UUID orderId) {
        return client.preparedQuery("update customer_order set cancel_payment = false where id = $1")
                .execute(Tuple.of(orderId)).replaceWithVoid();
    }

    private static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    /** An expired order's payment succeeded but its stock is gone: paid, and to be refunded. */
    public Uni<Void> paidAfterExpiry(SqlClient tx, UUID orderId, String detail) {
        return tx.preparedQuery("""
                        update customer_order set paid_at = coalesce(paid_at, now()), payment_error = $2,
                            updated_at = now()
                        where id = $1 and status = 'EXPIRED'""")
                .execute(Tuple.of(orderId, detail)).replaceWithVoid();
    }

    /** A refund of {@code amountMinor} to send to the provider, by whom and why; answers its id. */
    public Uni<UUID> addRefund(SqlClient tx, UUID orderId, long amountMinor, String actor, String reason,
                               boolean automatic) {
        UUID id = UUID.randomUUID();
        return tx.preparedQuery("""
                        insert into refund (id, order_id, amount_minor, actor, reason, automatic)
                        values ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.of(id, orderId, amountMinor, actor, reason, automatic))
                .replaceWith(id);
    }

    /**
     * Marks a paid order cancelled by {@code by} ({@code shopper} or {@code ops:}
     * and the operator) and announces it; false when it was cancelled already.
     */
    public Uni<Boolean> cancel(SqlClient tx, UUID orderId, String by, String reason) {
        return tx.preparedQuery("""
                        update customer_order set cancelled_at = now(), cancelled_by = $2, cancel_reason = $3,
                            updated_at = now()
                        where id = $1 and cancelled_at is null
                        returning\s""" + OrderEvent.COLUMNS)
                .execute(Tuple.of(orderId, by, reason))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(false)
                        : emit(tx, EventType.ORDER_CANCELLED, OrderEvent.of(rows.iterator().next())).replaceWith(true));
    }

    private Uni<Optional<StoredOrder>> one(SqlClient client, String sql, Tuple params) {
        return client.preparedQuery(sql).execute(params).map(rows -> rows.size() == 0 ? Optional.empty()
                : Optional.of(order(rows.iterator().next())));
    }

    private StoredOrder order(Row row) {
        List<LineItem> lines = new ArrayList<>();
        JsonArray array = row.getJsonArray("lines");
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonObject l = array.getJsonObject(i);
                Map<String, String> options = new LinkedHashMap<>();
                JsonObject o = l.getJsonObject("options");
                if (o != null) {
                    o.forEach(e -> options.put(e.getKey(), String.valueOf(e.getValue())));
                }
                lines.add(new LineItem(l.getString("sku"), l.getString("product"), l.getString("name"), options,
                        l.getLong("price"), l.getInteger("quantity")));
            }
        }
        return new StoredOrder(row.getUUID("id"), row.getString("number"),
                row.getBuffer("access_token_hash").getBytes(), row.getString("region_code"), row.getString("currency"),
                row.getString("customer_id"), row.getString("email"),
                json.read(row.getString("shipping_address"), ShippingAddress.class),
                OrderStatus.valueOf(row.getString("status")), row.getString("tax_mode"),
                row.getInteger("tax_rate_bps"), row.getLong("subtotal_minor"), row.getLong("shipping_minor"),
                row.getLong("tax_minor"), row.getLong("total_minor"), row.getLong("refunded_minor"),
                row.getString("payment_provider"), row.getString("payment_intent_id"), row.getString("payment_error"),
                row.getOffsetDateTime("created_at").toInstant(), SqlTime.instant(row.getOffsetDateTime("paid_at")),
                SqlTime.instant(row.getOffsetDateTime("reserved_until")), List.copyOf(lines),
                row.getString("delivery_method") == null ? null : new NewOrder.Delivery(row.getString("delivery_method"),
                        row.getString("delivery_name"), row.getInteger("delivery_min_days"),
                        row.getInteger("delivery_max_days")),
                row.getString("pickup_code") == null ? null : new OrderApi.Pickup(
                        json.read(row.getString("pickup_store"), OrderApi.PickupStore.class), row.getString("pickup_code")),
                row.getString("fulfilments") == null ? List.of()
                        : List.of(json.read(row.getString("fulfilments"), OrderApi.Fulfilment[].class)),
                row.getOffsetDateTime("cancelled_at") == null ? null : new OrderApi.Cancellation(
                        row.getOffsetDateTime("cancelled_at").toInstant(),
                        OrderApi.Cancellation.by(row.getString("cancelled_by")), row.getString("cancel_reason")),
                SqlTime.instant(row.getOffsetDateTime("return_by")),
                row.getString("returns") == null ? List.of()
                        : List.of(json.read(row.getString("returns"), OrderApi.Return[].class)),
                row.getString("refunds") == null ? List.of()
                        : List.of(json.read(row.getString("refunds"), OrderApi.Refund[].class)));
    }
}
