package storefront.aftersale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.checkout.PaymentAdminService;
import storefront.common.Ids;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.Statements;
import storefront.fulfilment.Allocator;
import storefront.fulfilment.FulfilmentMachine;
import storefront.fulfilment.FulfilmentStatus;
import storefront.order.OrderApi.OrderView;
import storefront.order.OrderService;
import storefront.order.StoredOrder;

/**
 * Cancelling a paid order, by its shopper or by ops, while none of its units
 * has left its location. One transaction locks the order, then its
 * fulfilments, cancels them and gives their units back, marks the order
 * cancelled and owes the shopper what is left of the payment; after it
 * commits, the refund goes to the provider (and again, by the sweeper, until
 * it is taken). A second cancellation changes nothing.
 */
@Singleton
class CancellationService {

    static final String SHOPPER = "shopper";

    private final Pool pool;
    private final OrderService orders;
    private final Allocator allocator;
    private final PaymentAdminService payments;
    private final AuditLog audit;

    CancellationService(Pool pool, OrderService orders, Allocator allocator, PaymentAdminService payments,
                        AuditLog audit) {
        this.pool = pool;
        this.orders = orders;
        this.allocator = allocator;
        this.payments = payments;
        this.audit = audit;
    }

    Uni<OrderView> byShopper(String id, String orderToken, Optional<String> customer, String reason) {
        return orders.readable(id, orderToken, customer)
                .flatMap(order -> cancel(order.id(), SHOPPER, reason, null));
    }

    Uni<OrderView> byOps(Operator operator, String id, String reason) {
        Optional<UUID> uuid = Ids.uuid(id);
        return uuid.isEmpty() ? Uni.createFrom().failure(OrderService.notFound())
                : cancel(uuid.get(), "ops:" + operator.actor(), reason, operator);
    }

    private Uni<OrderView> cancel(UUID id, String by, String reason, Operator operator) {
        String given = reason == null || reason.isBlank() ? null : reason.strip();
        return pool.withTransaction(tx -> orders.find(tx, id, true).flatMap(found -> {
            StoredOrder order = found.orElseThrow(OrderService::notFound);
            if (operator != null) {
                operator.requireScope(List.of(order.region()));
            }
            if (order.cancellation() != null) {
                return Uni.createFrom().<UUID>nullItem();
            }
            if (!order.status().paid()) {
                throw notCancellable(order, FulfilmentMachine.Progress.NONE, "it is " + order.status()
                        + (order.reservedUntil() != null ? "; unpaid, it expires at " + order.reservedUntil() : ""));
            }
            return allocator.lockFulfilments(tx, id).flatMap(held -> {
                List<FulfilmentStatus> statuses = held.stream().map(Allocator.Held::status).toList();
                if (!FulfilmentMachine.cancellable(statuses)) {
                    throw notCancellable(order, FulfilmentMachine.progress(statuses),
                            "some of it has left already; return it once it arrives");
                }
                String why = "order cancelled by " + (operator == null ? "its shopper" : "ops")
                        + (given == null ? "" : ": " + given);
                return allocator.release(tx, order.number(), order.region(), held)
                        .flatMap(v -> orders.cancel(tx, id, by, given))
                        .flatMap(v -> payments.owe(tx, order, order.total(), by, why))
                        .call(refundId -> operator == null ? Uni.createFrom().voidItem()
                                : audit.record(Statements.on(tx), operator, new AuditLog.Change("CANCEL_ORDER",
                                        order.region(), order.number(), Map.of("status", order.status(),
                                                "fulfilments", statuses),
                                        refundId == null ? Map.of("cancelled", true)
                                                : Map.of("cancelled", true, "refundId", refundId)), given, null));
            });
        })).flatMap(payments::sendOwed).flatMap(v -> orders.readAsOps(id.toString()));
    }

    private static ProblemException notCancellable(StoredOrder order, FulfilmentMachine.Progress progress,
                                                   String why) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("progress", progress.name());
        return new ProblemException(new Problem(409, "ORDER_NOT_CANCELLABLE", "Order not cancellable",
                "Order " + order.number() + " cannot be cancelled: " + why + ".", null, extensions));
    }
}
