package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.checkout.PaymentAdminService;
import storefront.common.Idempotency;
import storefront.common.Ids;
import storefront.common.Json;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;
import storefront.fulfilment.Allocator;
import storefront.fulfilment.FulfilmentStatus;
import storefront.fulfilment.ReturnStatus;
import storefront.order.LineItem;
import storefront.order.OrderApi;
import storefront.order.OrderService;
import storefront.order.StoredOrder;

/**
 * Returns: a shopper asks for units back within the region's window (once per
 * Idempotency-Key); staff receive the parcel at a stock location, then refund
 * it by {@link ReturnRefunds}' rule (or less) with each unit restocked there or
 * written off, or refuse it. Each staff step is one transaction that locks the
 * order, then the return, and is audited and announced; a step to where the
 * return already is changes nothing.
 */
@Singleton
class ReturnService {

    static final String SCOPE = "return";

    private static final String RETURN = """
            select t.id, t.order_id, t.number, t.status, t.location_id, t.reason, l.store_id, o.region_code,
                   o.number as order_number, o.currency,
                   (select json_agg(json_build_object('sku', rl.sku_code, 'quantity', rl.quantity)
                                    order by rl.sku_code)
                    from order_return_line rl where rl.return_id = t.id) as lines
            from order_return t join customer_order o on o.id = t.order_id
            left join stock_location l on l.id = t.location_id
            where t.id = $1""";

    /** A return as a staff step reads it (after locking it). */
    private record Held(UUID id, UUID orderId, int number, ReturnStatus status, String location, String store,
                        String region, String orderNumber, String currency, Map<String, Integer> lines) {

        ReturnEvent event(ReturnStatus now, String at, Long refund, String refusal) {
            List<ReturnEvent.Units> units = new ArrayList<>();
            lines.forEach((sku, q) -> units.add(new ReturnEvent.Units(sku, q)));
            return new ReturnEvent(orderNumber, orderId, region, id, number, now, units, at, refund, currency,
                    refusal);
        }

        String target() {
            return "order:" + orderNumber + "/return:" + number;
        }
    }

    /** How each returned SKU's units end: back in stock or written off. */
    record Disposition(int restock, int writeOff) {
    }

    private final Pool pool;
    private final OrderService orders;
    private final Allocator allocator;
    private final PaymentAdminService payments;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Events events;
    private final Json json;
    private final Clock clock;

    ReturnService(Pool pool, OrderService orders, Allocator allocator, PaymentAdminService payments,
                  Idempotency idempotency, AuditLog audit, Events events, Json json, Clock clock) {
        this.pool = pool;
        this.orders = orders;
        this.allocator = allocator;
        this.payments = payments;
        this.idempotency = idempotency;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    // ---- the shopper ----

    Uni<Idempotency.Result> request(String id, String orderToken, Optional<String> customer, String keyHeader,
                                    Map<String, Integer> units, String reason) {
        String key = Idempotency.requireKey(keyHeader);
        return orders.readable(id, orderToken, customer).flatMap(readable -> idempotency.run(SCOPE, key,
                Idempotency.fingerprint(SCOPE, readable.id().toString(), new TreeMap<>(units).toString(), reason),
                tx -> create(tx, readable.id(), units, reason),
                returnId -> orders.readAsOps(readable.id().toString()).map(order -> new Idempotency.Result(201,
                        json.text(order.returns().stream().filter(r -> r.id().equals(returnId)).findFirst()
                                .orElseThrow()), false))));
    }

    private Uni<UUID> create(SqlClient tx, UUID orderId, Map<String, Integer> units, String reason) {
        // The lock is a statement of its own: the order's returns are read in the next one, which sees a
        // return another request committed while this one waited (RowLocks).
        return tx.preparedQuery("select 1 from customer_order where id = $1 for update").execute(Tuple.of(orderId))
                .flatMap(locked -> orders.find(tx, orderId, false))
                .map(o -> o.orElseThrow(OrderService::notFound))
                .flatMap(order -> {
                    Map<String, Integer> returnable = returnable(order);
                    if (order.returnBy() == null || returnable.values().stream().allMatch(q -> q <= 0)) {
                        throw new ProblemException(409, "NOTHING_TO_RETURN", "Nothing to return",
                                "None of order " + order.number() + "'s units is delivered and not yet asked back.");
                    }
                    if (clock.instant().isAfter(order.returnBy())) {
                        Map<String, Object> extensions = new LinkedHashMap<>();
                        extensions.put("returnBy", order.returnBy().toString());
                        throw new ProblemException(new Problem(409, "RETURN_WINDOW_CLOSED", "Return window closed",
                                "Order " + order.number() + " could be returned until " + order.returnBy() + ".",
                                null, extensions));
                    }
                    requireReturnable(units, returnable);
                    return insert(tx, order, units, reason);
                });
    }

    /** Units delivered (or collected) per SKU, less those in returns that are not refused. */
    private static Map<String, Integer> returnable(StoredOrder order) {
        Map<String, Integer> units = new TreeMap<>();
        order.fulfilments().stream().filter(f -> f.status() == FulfilmentStatus.DELIVERED
                        || f.status() == FulfilmentStatus.COLLECTED)
                .forEach(f -> f.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum)));
        order.returns().stream().filter(r -> r.status() != ReturnStatus.REFUSED)
                .forEach(r -> r.lines().forEach(l -> units.merge(l.sku(), -l.quantity(), Integer::sum)));
        return units;
    }

    private static void requireReturnable(Map<String, Integer> units, Map<String, Integer> returnable) {
        List<Problem.FieldError> errors = new ArrayList<>();
        units.forEach((sku, quantity) -> {
            int left = returnable.getOrDefault(sku, 0);
            if (quantity > left) {
                errors.add(new Problem.FieldError("lines." + sku, left <= 0
                        ? "has no delivered unit that is not asked back already"
                        : "is more than the " + left + " delivered unit(s) not asked back already"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Uni<UUID> insert(SqlClient tx, StoredOrder order, Map<String, Integer> units, String reason) {
        UUID id = UUID.randomUUID();
        int number = order.returns().size() + 1;
        Map<String, Integer> sorted = new TreeMap<>(units);
        Held held = new Held(id, order.id(), number, ReturnStatus.REQUESTED, null, null, order.region(),
                order.number(), order.currency(), sorted);
        return tx.preparedQuery("""
                        insert into order_return (id, order_id, number, status, reason)
                        values ($1, $2, $3, 'REQUESTED', $4)""")
                .execute(Tuple.of(id, order.id(), number, reason))
                .flatMap(v -> tx.preparedQuery("""
                                insert into order_return_line (return_id, sku_code, quantity)
                                select $1, sku, qty from unnest($2::text[], $3::int[]) as w(sku, qty)""")
                        .execute(Tuple.of(id, sorted.keySet().toArray(String[]::new))
                                .addArrayOfInteger(sorted.values().toArray(Integer[]::new))))
                .flatMap(v -> events.emit(Statements.on(tx), EventType.RETURN_REQUESTED, "order/" + order.number(),
                        order.region(), held.event(ReturnStatus.REQUESTED, null, null, null)))
                .replaceWith(id);
    }

    // ---- staff ----

    Uni<OrderApi.Return> read(Operator operator, String id) {
        return held(pool, id, false).map(held -> {
            requireScope(operator, held, held.location());
            return held;
        }).flatMap(this::view);
    }

    /** Receives the parcel at {@code location}, a stock location of the order's region. */
    Uni<OrderApi.Return> receive(Operator operator, String id, String location, String note) {
        return step(operator, id, (tx, held) -> {
            if (held.status() != ReturnStatus.REQUESTED) {
                requireScope(operator, held, held.store());
                if (held.status() == ReturnStatus.REFUSED) {
                    throw refused(held, "a refused return is not received");
                }
                return Uni.createFrom().voidItem();
            }
            return tx.preparedQuery("select region_code, store_id from stock_location where id = $1")
                    .execute(Tuple.of(location)).flatMap(rows -> {
                        if (rows.size() == 0 || !held.region().equals(rows.iterator().next().getString(0))) {
                            throw ProblemException.invalid(List.of(new Problem.FieldError("location",
                                    "is not a stock location of region " + held.region())));
                        }
                        requireScope(operator, held, rows.iterator().next().getString(1));
                        return tx.preparedQuery("""
                                        update order_return set status = 'RECEIVED', location_id = $2,
                                            received_at = now(), received_by = $3
                                        where id = $1""").execute(Tuple.of(held.id(), location, operator.actor()))
                                .flatMap(v -> announce(tx, operator, held, "RETURN_RECEIVE",
                                        EventType.RETURN_RECEIVED, held.event(ReturnStatus.RECEIVED, location, null,
                                                null), Map.of("status", held.status()),
                                        Map.of("status", ReturnStatus.RECEIVED, "location", location), note));
                    });
        });
    }

    /**
     * Refunds a received return: {@code dispositions} per SKU (absent: every
     * unit restocked), {@code refundMinor} at most what the rule gives (absent:
     * what it gives). Answers once the refund is sent (or left due).
     */
    Uni<OrderApi.Return> refund(Operator operator, String id, Map<String, Disposition> dispositions,
                                Long refundMinor, String reason) {
        UUID[] owed = new UUID[1];
        return step(operator, id, (tx, held) -> {
            requireScope(operator, held, held.store());
            if (held.status() == ReturnStatus.REFUNDED) {
                return Uni.createFrom().voidItem();
            }
            if (held.status() != ReturnStatus.RECEIVED) {
                throw refused(held, held.status() == ReturnStatus.REFUSED ? "a refused return is not refunded"
                        : "it is refunded once it is received");
            }
            Map<String, Disposition> ends = dispositions(held, dispositions);
            return orders.find(tx, held.orderId(), false).map(Optional::orElseThrow).flatMap(order -> {
                ReturnRefunds.Refund rule = ReturnRefunds.of(ruleOrder(order), held.lines(), refundedBefore(order));
                return payments.refundable(tx, order).flatMap(left -> {
                    long most = Math.min(rule.amountMinor(), Math.max(left, 0));
                    if (refundMinor != null && refundMinor > most) {
                        throw ProblemException.invalid(List.of(new Problem.FieldError("refundMinor",
                                "is more than the " + most + " this return gives back; more is an ops refund")));
                    }
                    long amount = refundMinor == null ? most : refundMinor;
                    Map<String, Integer> restock = new TreeMap<>();
                    ends.forEach((sku, d) -> restock.put(sku, d.restock()));
                    String why = "return " + held.number() + " of order " + held.orderNumber() + ": " + reason;
                    return allocator.restock(tx, held.region(), held.location(), restock)
                            .flatMap(v -> amount == 0 ? Uni.createFrom().<UUID>nullItem()
                                    : payments.owe(tx, order, amount, operator.actor(), why))
                            .flatMap(refundId -> {
                                owed[0] = refundId;
                                return writeDecision(tx, held, ends, refundId, amount, operator)
                                        .flatMap(v -> announce(tx, operator, held, "RETURN_REFUND",
                                                EventType.RETURN_REFUNDED, held.event(ReturnStatus.REFUNDED,
                                                        held.location(), amount, null),
                                                Map.of("status", held.status()), decision(ends, amount), reason));
                            });
                });
            });
        }).call(view -> payments.sendOwed(owed[0]));
    }

    Uni<OrderApi.Return> refuse(Operator operator, String id, String reason) {
        return step(operator, id, (tx, held) -> {
            requireScope(operator, held, held.store());
            if (held.status() == ReturnStatus.REFUSED) {
                return Uni.createFrom().voidItem();
            }
            if (held.status() == ReturnStatus.REFUNDED) {
                throw refused(held, "a refunded return is not refused");
            }
            return tx.preparedQuery("""
                            update order_return set status = 'REFUSED', refusal = $2, decided_at = now(),
                                decided_by = $3
                            where id = $1""").execute(Tuple.of(held.id(), reason, operator.actor()))
                    .flatMap(v -> announce(tx, operator, held, "RETURN_REFUSE", EventType.RETURN_REFUSED,
                            held.event(ReturnStatus.REFUSED, held.location(), null, reason),
                            Map.of("status", held.status()), Map.of("status", ReturnStatus.REFUSED), reason));
        });
    }

    private interface Step {
        Uni<Void> apply(SqlClient tx, Held held);
    }

    /** Locks the return's order, then the return; runs the step; answers the return as it now stands. */
    private Uni<OrderApi.Return> step(Operator operator, String id, Step step) {
        return held(pool, id, false).flatMap(first -> pool.withTransaction(tx -> tx.preparedQuery(
                        "select 1 from customer_order where id = $1 for update").execute(Tuple.of(first.orderId()))
                .flatMap(v -> held(tx, id, true))
                .flatMap(held -> {
                    if (!operator.role().equals(Operator.STORE)) {
                        operator.requireScope(List.of(held.region()));
                    }
                    return step.apply(tx, held).replaceWith(held);
                })))
                .flatMap(this::view);
    }

    private Uni<Held> held(SqlClient client, String id, boolean lock) {
        Optional<UUID> uuid = Ids.uuid(id);
        if (uuid.isEmpty()) {
            return Uni.createFrom().failure(notFound());
        }
        Uni<?> locked = lock ? client.preparedQuery("select 1 from order_return where id = $1 for update")
                .execute(Tuple.of(uuid.get())) : Uni.createFrom().voidItem();
        return locked.flatMap(v -> client.preparedQuery(RETURN).execute(Tuple.of(uuid.get()))).map(rows -> {
            if (rows.size() == 0) {
                throw notFound();
            }
            Row row = rows.iterator().next();
            Map<String, Integer> lines = new TreeMap<>();
            JsonArray array = row.getJsonArray("lines");
            for (int i = 0; array != null && i < array.size(); i++) {
                lines.put(array.getJsonObject(i).getString("sku"), array.getJsonObject(i).getInteger("quantity"));
            }
            return new Held(row.getUUID("id"), row.getUUID("order_id"), row.getInteger("number"),
                    ReturnStatus.valueOf(row.getString("status")), row.getString("location_id"),
                    row.getString("store_id"), row.getString("region_code"), row.getString("order_number"),
                    row.getString("currency"), lines);
        });
    }

    /** Store staff act on returns handed in at their stores; ops in their regions. */
    private static void requireScope(Operator operator, Held held, String store) {
        if (operator.role().equals(Operator.STORE)) {
            operator.requireStore(held.region(), store);
        } else if (!operator.role().equals(Operator.AUDITOR)) {
            operator.requireScope(List.of(held.region()));
        }
    }

    private Uni<OrderApi.Return> view(Held held) {
        return orders.readAsOps(held.orderId().toString()).map(order -> order.returns().stream()
                .filter(r -> r.id().equals(held.id())).findFirst().orElseThrow());
    }

    private static Map<String, Disposition> dispositions(Held held, Map<String, Disposition> given) {
        Map<String, Disposition> ends = new TreeMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (given != null) {
            given.keySet().stream().filter(sku -> !held.lines().containsKey(sku)).forEach(sku ->
                    errors.add(new Problem.FieldError("lines." + sku, "is not in return " + held.number())));
        }
        held.lines().forEach((sku, quantity) -> {
            Disposition d = given == null ? new Disposition(quantity, 0) : given.get(sku);
            if (d == null) {
                errors.add(new Problem.FieldError("lines." + sku, "needs how many units are restocked and written off"));
            } else if (d.restock() + d.writeOff() != quantity) {
                errors.add(new Problem.FieldError("lines." + sku, "restock and writeOff must add up to the "
                        + quantity + " unit(s) returned"));
            } else {
                ends.put(sku, d);
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ends;
    }

    private static ReturnRefunds.Order ruleOrder(StoredOrder order) {
        Map<String, ReturnRefunds.Sold> sold = new TreeMap<>();
        for (LineItem line : order.lines()) {
            sold.merge(line.sku(), new ReturnRefunds.Sold(line.quantity(), line.total()),
                    (a, b) -> new ReturnRefunds.Sold(a.units() + b.units(), a.paidMinor() + b.paidMinor()));
        }
        return new ReturnRefunds.Order(sold, order.subtotal(), order.shipping(), order.tax(),
                "INCLUSIVE".equals(order.taxMode()));
    }

    private static Map<String, Integer> refundedBefore(StoredOrder order) {
        Map<String, Integer> units = new TreeMap<>();
        order.returns().stream().filter(r -> r.status() == ReturnStatus.REFUNDED)
                .forEach(r -> r.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum)));
        return units;
    }

    private static Uni<Void> writeDecision(SqlClient tx, Held held, Map<String, Disposition> ends, UUID refundId,
                                           long amount, Operator operator) {
        String[] skus = ends.keySet().toArray(String[]::new);
        Integer[] restocked = ends.values().stream().map(Disposition::restock).toArray(Integer[]::new);
        Integer[] writtenOff = ends.values().stream().map(Disposition::writeOff).toArray(Integer[]::new);
        return tx.preparedQuery("""
                        update order_return set status = 'REFUNDED', refund_id = $2, refund_minor = $3,
                            decided_at = now(), decided_by = $4
                        where id = $1""").execute(Tuple.of(held.id(), refundId, amount, operator.actor()))
                .flatMap(v -> tx.preparedQuery("""
                                update order_return_line rl set restocked = w.restocked, written_off = w.written_off
                                from unnest($2::text[], $3::int[], $4::int[]) as w(sku, restocked, written_off)
                                where rl.return_id = $1 and rl.sku_code = w.sku""")
                        .execute(Tuple.of(held.id(), skus).addArrayOfInteger(restocked).addArrayOfInteger(writtenOff)))
                .replaceWithVoid();
    }

    private static Map<String, Object> decision(Map<String, Disposition> ends, long amount) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", ReturnStatus.REFUNDED);
        after.put("refundMinor", amount);
        Map<String, Object> lines = new TreeMap<>();
        ends.forEach((sku, d) -> lines.put(sku, Map.of("restocked", d.restock(), "writtenOff", d.writeOff())));
        after.put("lines", lines);
        return after;
    }

    private Uni<Void> announce(SqlClient tx, Operator operator, Held held, String action, EventType type,
                               ReturnEvent event, Object before, Object after, String note) {
        String reason = note == null || note.isBlank() ? action.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                : note.strip();
        return events.emit(Statements.on(tx), type, "order/" + held.orderNumber(), held.region(), event)
                .flatMap(v -> audit.record(Statements.on(tx), operator, new AuditLog.Change(action, held.region(),
                        held.target(), before, after), reason, null));
    }

    private static ProblemException refused(Held held, String why) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("returnStatus", held.status().name());
        return new ProblemException(new Problem(409, "RETURN_TRANSITION_REFUSED", "Return cannot move so",
                "Return " + held.number() + " of order " + held.orderNumber() + " is " + held.status() + ": " + why
                        + ".", null, extensions));
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("RETURN_NOT_FOUND", "Return not found", "No return has this id.");
    }
}
