package storefront.checkout;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.checkout.CheckoutApi.RefundRequest;
import storefront.checkout.CheckoutApi.RefundResult;
import storefront.common.Idempotency;
import storefront.common.Ids;
import storefront.common.Json;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.Statements;
import storefront.order.OrderApi.OrderView;
import storefront.order.OrderService;
import storefront.order.OrderStateMachine;
import storefront.order.OrderStatus;
import storefront.order.PaymentEvent;
import storefront.order.PaymentLedger;
import storefront.order.PaymentLedger.Received;
import storefront.order.StoredOrder;

/** Ops on payments: confirming a manual payment, and refunds. Each is audited in its own transaction. */
@Singleton
public class PaymentAdminService {

    private static final Logger LOG = Logger.getLogger(PaymentAdminService.class);

    static final String REFUND_SCOPE = "refund";

    private final Pool pool;
    private final OrderService orders;
    private final PaymentLedger ledger;
    private final PaymentGateway gateway;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Json json;

    PaymentAdminService(Pool pool, OrderService orders, PaymentLedger ledger,
                        PaymentGateway gateway, Idempotency idempotency, AuditLog audit, Json json) {
        this.pool = pool;
        this.orders = orders;
        this.ledger = ledger;
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.audit = audit;
        this.json = json;
    }

    /** Marks an order paid by the manual provider (dev mode only). */
    Uni<OrderView> confirmManualPayment(Operator operator, String id, String reason) {
        if (gateway.automatic()) {
            return Uni.createFrom().failure(new ProblemException(409, "MANUAL_PAYMENT_NOT_ENABLED",
                    "Manual payment not enabled", "Payments are confirmed by " + gateway.name() + ", not by ops."));
        }
        return pool.withTransaction(tx -> lock(tx, id).flatMap(order -> {
            operator.requireScope(java.util.List.of(order.region()));
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                throw notPayable(order);
            }
            Received event = new Received("manual_pay_" + UUID.randomUUID(), "manual.payment_confirmed", order.id(),
                    null, new PaymentEvent.Succeeded(order.total(), order.currency()),
                    json.text(Map.of("actor", operator.actor(), "reason", reason)));
            return ledger.record(tx, event).flatMap(outcome -> {
                if (!OrderStateMachine.Outcome.APPLIED.name().equals(outcome)) {
                    throw notPayable(order);
                }
                return audit.record(Statements.on(tx), operator, new AuditLog.Change("CONFIRM_PAYMENT", order.region(),
                        order.number(), Map.of("status", order.status()), Map.of("status", "PAID")), reason, null);
            }).replaceWith(order.id());
        })).flatMap(orderId -> orders.readAsOps(orderId.toString()));
    }

    /** Refunds part or all of a paid order, once per Idempotency-Key. */
    Uni<Idempotency.Result> refund(Operator operator, String id, String keyHeader, RefundRequest request) {
        String key = Idempotency.requireKey(keyHeader);
        byte[] fingerprint = Idempotency.fingerprint(REFUND_SCOPE, id, String.valueOf(request.amountMinor()),
                request.reason(), operator.actor());
        return idempotency.run(REFUND_SCOPE, key, fingerprint,
                tx -> reserve(tx, operator, id, request),
                refundId -> submit(refundId).map(result -> new Idempotency.Result(201, json.text(result), false)));
    }

    private static ProblemException notPayable(StoredOrder order) {
        return new ProblemException(409, "ORDER_NOT_PAYABLE", "Order not payable",
                "Order " + order.number() + " is " + order.status() + ".");
    }

    /**
     * Sends the refunds the API owes by itself (orders paid after they expired,
     * when the stock was gone; cancelled orders) that the provider has not
     * confirmed yet. A refund that fails
     * stays due and is sent again later with the same provider idempotency key.
     */
    public Uni<Integer> submitDueRefunds() {
        return pool.preparedQuery("""
                        select id from refund where provider_refund_id is null and automatic
                        order by created_at limit 100""")
                .execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> submit(row.getUUID("id"))
                        .map(result -> 1)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Refund %s is still due: %s", row.getUUID("id"), failure.getMessage());
                            return 0;
                        }))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    /** In the claiming transaction: checks the amount against what is paid and not yet refunded or asked for. */
    private Uni<UUID> reserve(SqlClient tx, Operator operator, String id, RefundRequest request) {
        return lock(tx, id).flatMap(order -> {
            if (!order.status().paid()) {
                throw new ProblemException(409, "ORDER_NOT_REFUNDABLE", "Order not refundable",
                        "Order " + order.number() + " is " + order.status() + "; only a paid order can be refunded.");
            }
            return refundable(tx, order).flatMap(remaining -> {
                long amount = request.amountMinor() == null ? remaining : request.amountMinor();
                if (remaining <= 0 || amount > remaining) {
                    Map<String, Object> extensions = new LinkedHashMap<>();
                    extensions.put("refundableMinor", Math.max(remaining, 0));
                    extensions.put("currency", order.currency());
                    throw new ProblemException(new Problem(422, "REFUND_EXCEEDS_PAYMENT",
                            "Refund exceeds payment", "At most " + Math.max(remaining, 0) + " "
                                    + order.currency() + " minor units of order " + order.number()
                                    + " can still be refunded.", null, extensions));
                }
                return orders.addRefund(tx, order.id(), amount, operator.actor(), request.reason(), false)
                        .call(refundId -> audit.record(Statements.on(tx), operator, new AuditLog.Change("REFUND_ORDER",
                                order.region(), order.number(), Map.of("status", order.status(),
                                        "refundedMinor", order.refunded()),
                                Map.of("refundId", refundId, "amountMinor", amount)),
                                request.reason(), null));
            });
        });
    }

    /**
     * What of the order's payment can still be refunded: the total less what
     * the provider refunded or what refunds already ask for, whichever is more.
     * Every refund (by ops, for a cancellation, for a return) is checked against
     * it, on the order's locked row, so that together they never exceed the payment.
     */
    public Uni<Long> refundable(SqlClient tx, StoredOrder lockedOrder) {
        return tx.preparedQuery("select coalesce(sum(amount_minor), 0) as asked from refund where order_id = $1")
                .execute(Tuple.of(lockedOrder.id()))
                .map(rows -> lockedOrder.total() - Math.max(rows.iterator().next().getLong("asked"),
                        lockedOrder.refunded()));
    }

    /**
     * Owes the shopper {@code amount} (at most what {@link #refundable} says) on
     * the order's locked row: the refund is sent after the transaction
     * commits ({@link #sendOwed}) and again by the sweeper until the provider
     * takes it. Answers the refund's id, or null when nothing is left to refund.
     */
    public Uni<UUID> owe(SqlClient tx, StoredOrder lockedOrder, long amount, String actor, String reason) {
        return refundable(tx, lockedOrder).flatMap(remaining -> {
            long owed = Math.min(amount, remaining);
            return owed <= 0 ? Uni.createFrom().nullItem()
                    : orders.addRefund(tx, lockedOrder.id(), owed, actor, reason, true);
        });
    }

    /** Sends a refund {@link #owe} recorded; one the provider cannot take now stays due for the sweeper. */
    public Uni<Void> sendOwed(UUID refundId) {
        if (refundId == null) {
            return Uni.createFrom().voidItem();
        }
        return submit(refundId).replaceWithVoid().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Refund %s is still due: %s", refundId, failure.getMessage());
            return null;
        });
    }

    /** Outside any transaction: asks the provider, then records its refund id (and, for manual, the refund). */
    private Uni<RefundResult> submit(UUID refundId) {
        return pool.preparedQuery("select order_id, amount_minor from refund where id = $1")
                .execute(Tuple.of(refundId))
                .flatMap(rows -> {
                    var row = rows.iterator().next();
                    long amount = row.getLong("amount_minor");
                    return orders.find(pool, row.getUUID("order_id"), false).map(o -> o.orElseThrow())
                            .flatMap(order -> gateway.refund(CheckoutService.payment(order), amount,
                                            refundId.toString())
                                    .flatMap(providerId -> pool.withTransaction(tx -> tx.preparedQuery(
                                                    "update refund set provider_refund_id = $2 where id = $1")
                                            .execute(Tuple.of(refundId, providerId))
                                            .flatMap(v -> gateway.automatic() ? Uni.createFrom().voidItem()
                                                    : settleManualRefund(tx, order.id(), refundId, amount))
                                            .replaceWith(providerId)))
                                    .flatMap(providerId -> orders.find(pool, order.id(), false)
                                            .map(after -> new RefundResult(refundId, providerId, amount,
                                                    order.currency(), after.orElseThrow().status()))));
                });
    }

    private Uni<Void> settleManualRefund(SqlClient tx, UUID orderId, UUID refundId, long amount) {
        return orders.find(tx, orderId, true).map(o -> o.orElseThrow()).flatMap(order -> ledger.record(tx,
                new Received("manual_refund_" + refundId, "manual.refunded", order.id(), null,
                        new PaymentEvent.Refunded(order.total(), order.refunded() + amount, order.currency()),
                        json.text(Map.of("refundId", refundId, "amountMinor", amount))))).replaceWithVoid();
    }

    private Uni<StoredOrder> lock(SqlClient tx, String id) {
        return Ids.uuid(id).map(uuid -> orders.find(tx, uuid, true))
                .orElse(Uni.createFrom().item(java.util.Optional.empty()))
                .map(found -> found.orElseThrow(OrderService::notFound));
    }
}
