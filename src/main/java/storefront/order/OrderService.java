package storefront.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import storefront.common.Cursor;
import storefront.common.Ids;
import storefront.common.Money;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.fulfilment.FulfilmentMachine;
import storefront.order.OrderApi.OrderPage;
import storefront.order.OrderApi.OrderView;

/**
 * Orders: read by id with the order's token (or as its shopper), a shopper's
 * own list, and what checkout and payments write.
 */
@Singleton
public class OrderService {

    private final Pool pool;
    private final OrderRepository orders;

    OrderService(Pool pool, OrderRepository orders) {
        this.pool = pool;
        this.orders = orders;
    }

    /**
     * The order, for whoever holds its token or is its signed-in shopper.
     * Anyone else learns nothing, not even that it exists: 404.
     */
    Uni<OrderView> read(String id, String token, Optional<String> customer) {
        return readable(id, token, customer).map(OrderService::view);
    }

    /** The order, as {@link #read} checks who may see it: for doors that act on a shopper's order. */
    public Uni<StoredOrder> readable(String id, String token, Optional<String> customer) {
        if (token == null && customer.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(401, "ORDER_TOKEN_REQUIRED", "Order token required",
                    "Send the order's access token (from checkout) in the " + OrderTokens.HEADER
                            + " header, or sign in as the shopper who placed it."));
        }
        return find(id).map(found -> found
                .filter(o -> OrderTokens.matches(token, o.accessTokenHash())
                        || (o.customerId() != null && customer.filter(o.customerId()::equals).isPresent()))
                .orElseThrow(OrderService::notFound));
    }

    /** The order, for ops. */
    public Uni<OrderView> readAsOps(String id) {
        return find(id).map(found -> found.map(OrderService::view).orElseThrow(OrderService::notFound));
    }

    Uni<OrderPage> ofCustomer(String customerId, int limit, String cursor) {
        Instant beforeAt = null;
        UUID beforeId = null;
        if (QueryParams.given(cursor) != null) {
            Optional<Cursor.Position> position = Cursor.decodePosition(cursor.strip());
            Optional<UUID> id = position.flatMap(p -> Ids.uuid(p.id()));
            if (id.isEmpty()) {
                throw ProblemException.invalid(List.of(new Problem.FieldError("cursor",
                        "is not a cursor this API issued")));
            }
            beforeAt = position.get().at();
            beforeId = id.get();
        }
        return orders.ofCustomer(pool, customerId, beforeAt, beforeId, limit + 1).map(page -> {
            List<OrderView> items = page.stream().limit(limit).map(OrderService::view).toList();
            String next = page.size() > limit
                    ? Cursor.encode(items.get(limit - 1).createdAt(), items.get(limit - 1).id()) : null;
            return new OrderPage(items, next);
        });
    }

    private Uni<Optional<StoredOrder>> find(String id) {
        Optional<UUID> uuid = Ids.uuid(id);
        return uuid.isEmpty() ? Uni.createFrom().item(Optional.empty()) : orders.find(pool, uuid.get(), false);
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("ORDER_NOT_FOUND", "Order not found",
                "No order with this id can be read with these credentials.");
    }

    public static OrderView view(StoredOrder o) {
        String currency = o.currency();
        List<OrderApi.OrderLine> lines = o.lines().stream().map(l -> new OrderApi.OrderLine(l.sku(), l.product(),
                l.name(), l.options(), l.quantity(), new Money(l.unitPrice(), currency),
                new Money(l.total(), currency))).toList();
        return new OrderView(o.id(), o.number(), o.status(), o.region(), o.email(), o.address(), lines, o.totals(),
                new Money(o.refunded(), currency),
                new OrderApi.Payment(o.provider(), o.paymentIntentId(), o.paymentError()), o.createdAt(), o.paidAt(),
                o.reservedUntil(), o.delivery() == null ? null : new OrderApi.Delivery(o.delivery().method(),
                        o.delivery().name(), o.delivery().minDays(), o.delivery().maxDays()), o.pickup(),
                o.fulfilments(), FulfilmentMachine.progress(o.fulfilments().stream().map(OrderApi.Fulfilment::status)
                        .toList()), o.cancellation(), o.returnBy(), o.returns(),
                o.refunds());
    }

    // ---- what checkout and payments do to orders, on their transaction's connection (or the pool) ----

    /** Writes a new order with its lines. */
    public Uni<Void> insert(SqlClient tx, NewOrder order) {
        return orders.insert(tx, order);
    }

    /** The order; with {@code lock}, its row is locked until the transaction ends. */
    public Uni<Optional<StoredOrder>> find(SqlClient client, UUID id, boolean lock) {
        return orders.find(client, id, lock);
    }

    /** Records the order's PaymentIntent; false when it has another one already. */
    public Uni<Boolean> attachPaymentIntent(SqlClient tx, UUID orderId, String paymentIntentId) {
        return orders.attachPaymentIntent(tx, orderId, paymentIntentId);
    }

    public Uni<Void> setAccessToken(SqlClient tx, UUID orderId, String token) {
        return orders.setAccessToken(tx, orderId, token);
    }

    /**
     * A refund of {@code amountMinor} to send to the provider, by whom and why;
     * answers its id. An {@code automatic} one (owed by the API itself) is sent
     * again by the sweeper until the provider takes it.
     */
    public Uni<UUID> addRefund(SqlClient tx, UUID orderId, long amountMinor, String actor, String reason,
                               boolean automatic) {
        return orders.addRefund(tx, orderId, amountMinor, actor, reason, automatic);
    }

    /** Marks a paid order cancelled ({@code by}: {@code shopper} or {@code ops:<actor>}); false if it was already. */
    public Uni<Boolean> cancel(SqlClient tx, UUID orderId, String by, String reason) {
        return orders.cancel(tx, orderId, by, reason);
    }

    /** Up to {@code limit} orders whose reservation ran out, locked (others' skipped). */
    public Uni<List<UUID>> lockOverdue(SqlClient tx, int limit) {
        return orders.lockOverdue(tx, limit);
    }

    /** Up to {@code limit} orders whose PaymentIntent is to be cancelled. */
    public Uni<List<UUID>> paymentsToCancel(SqlClient client, int limit) {
        return orders.paymentsToCancel(client, limit);
    }

    public Uni<Void> paymentCancelled(SqlClient client, UUID orderId) {
        return orders.paymentCancelled(client, orderId);
    }

    /** Expires an order still waiting for its payment; false when it is no longer waiting. */
    public Uni<Boolean> expire(SqlClient tx, UUID orderId) {
        return orders.expire(tx, orderId);
    }
}
