package storefront.fulfilment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import storefront.audit.AuditLog;
import storefront.audit.Operator;
import storefront.common.Ids;
import storefront.common.Problem;
import storefront.common.ProblemException;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;
import storefront.fulfilment.FulfilmentMachine.Action;
import storefront.fulfilment.FulfilmentMachine.Step;

/**
 * Staff move an order's fulfilments: each move is one transaction that locks
 * the order, then the fulfilment, asks {@link FulfilmentMachine}, writes the
 * fulfilment (and the units that leave their location's books: a shipment when
 * it ships, a pickup when it is collected), its audit entry and its event. A
 * move to where the fulfilment already is changes nothing and emits nothing.
 *
 * <p>Ops act in their regions; store staff only on the pickups of orders
 * picked up at their stores, which they make ready and hand over.
 */
@Singleton
public class FulfilmentService {

    private static final Pattern NUMBER = Pattern.compile("^[1-9][0-9]{0,8}$");

    private static final String ORDER = """
            select number, region_code, pickup_store ->> 'id', pickup_code
            from customer_order where id = $1 for update""";

    private static final String LEAVE = """
            update location_stock ls
            set on_hand = ls.on_hand - fl.quantity, allocated = ls.allocated - fl.quantity, updated_at = now()
            from fulfilment_line fl
            where fl.fulfilment_id = $1 and ls.location_id = $2 and ls.sku_code = fl.sku_code""";

    /** What a shipment leaves with: the carrier's tracking and, for part of the fulfilment, which units. */
    public record Shipment(String carrier, String trackingNumber, String trackingUrl, Map<String, Integer> lines) {
    }

    /** What a move asks for: the action, the shipment for SHIP, the pickup code for COLLECT, a note for the audit. */
    public record Move(Action action, Shipment shipment, String pickupCode, String note) {
    }

    private final FulfilmentRepository repository;
    private final AuditLog audit;
    private final Events events;
    private final Clock clock;

    FulfilmentService(FulfilmentRepository repository, AuditLog audit, Events events, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Moves fulfilment {@code number} of the order; answers the order's id. */
    public Uni<UUID> move(Operator operator, String orderId, String number, Move move) {
        Optional<UUID> id = Ids.uuid(orderId);
        if (id.isEmpty()) {
            return Uni.createFrom().failure(orderNotFound());
        }
        if (!NUMBER.matcher(number).matches()) {
            return Uni.createFrom().failure(notFound(number));
        }
        int n = Integer.parseInt(number);
        Statements tx = Statements.inSession();
        return Panache.withTransaction(() -> tx.rows(ORDER, id.get()).flatMap(orders -> {
            if (orders.isEmpty()) {
                throw orderNotFound();
            }
            Object[] order = orders.get(0);
            String orderNumber = (String) order[0];
            String region = (String) order[1];
            String pickupStore = (String) order[2];
            String pickupCode = (String) order[3];
            if (operator.role().equals(Operator.STORE) && move.action() != Action.PACK
                    && move.action() != Action.READY && move.action() != Action.COLLECT) {
                throw new ProblemException(403, "ROLE_NOT_ALLOWED", "Not allowed",
                        "Store staff pack, make ready and hand over pickups; ops ship and deliver.");
            }
            operator.requireStore(region, pickupStore);
            return tx.rows("select 1 from fulfilment where order_id = $1 and number = $2 for update", id.get(), n)
                    .flatMap(locked -> repository.ofOrder(id.get(), n))
                    .flatMap(fulfilment -> {
                        if (fulfilment == null) {
                            throw notFound(number);
                        }
                        return apply(tx, operator, orderNumber, region, pickupCode, fulfilment, move);
                    });
        })).replaceWith(id.get());
    }

    private Uni<Void> apply(Statements tx, Operator operator, String orderNumber, String region, String pickupCode,
                            Fulfilment fulfilment, Move move) {
        FulfilmentStatus before = fulfilment.status;
        Step step = FulfilmentMachine.apply(fulfilment.kind, before, move.action());
        if (step.refused()) {
            throw refused(fulfilment, step.refusal());
        }
        if (move.action() == Action.COLLECT && !codeMatches(pickupCode, move.pickupCode())) {
            throw new ProblemException(422, "PICKUP_CODE_MISMATCH", "Pickup code does not match",
                    "The code is not order " + orderNumber + "'s pickup code; do not hand it over.");
        }
        Shipment shipment = move.shipment();
        if (!step.moved()) {
            if (move.action() == Action.SHIP && !sameTracking(fulfilment, shipment)) {
                throw refused(fulfilment, "it shipped already with " + fulfilment.carrier + " "
                        + fulfilment.trackingNumber);
            }
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> beforeState = state(fulfilment);
        Uni<Fulfilment> rest = Uni.createFrom().nullItem();
        if (move.action() == Action.SHIP) {
            fulfilment.carrier = shipment.carrier();
            fulfilment.trackingNumber = shipment.trackingNumber();
            fulfilment.trackingUrl = shipment.trackingUrl();
            Map<String, Integer> leaving = leaving(fulfilment, shipment.lines());
            if (!leaving.equals(fulfilment.lines)) {
                rest = tx.rows("select coalesce(max(number), 0) from fulfilment where order_id = $1",
                                fulfilment.orderId)
                        .map(rows -> fulfilment.splitOff(leaving, ((Number) rows.get(0)[0]).intValue() + 1,
                                before))
                        .call(split -> repository.persist(split));
            }
        }
        fulfilment.enter(step.status(), clock.instant());
        String target = "order:" + orderNumber + "/fulfilment:" + fulfilment.number;
        boolean leaves = step.status() == FulfilmentStatus.SHIPPED || step.status() == FulfilmentStatus.COLLECTED;
        return rest.flatMap(split -> repository.flush()
                .flatMap(v -> leaves ? tx.execute(LEAVE, fulfilment.id, fulfilment.locationId).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .flatMap(v -> split == null ? Uni.createFrom().voidItem()
                        : events.emit(tx, EventType.FULFILMENT_SPLIT, "order/" + orderNumber, region,
                                split.event(orderNumber, region)))
                .flatMap(v -> events.emit(tx, eventOf(step.status()), "order/" + orderNumber, region,
                        fulfilment.event(orderNumber, region)))
                .flatMap(v -> audit.record(tx, operator, new AuditLog.Change("FULFILMENT_" + move.action().name(),
                        region, target, beforeState, state(fulfilment)), note(move), null)));
    }

    /** The units that ship: those named (each at most what the fulfilment holds), or all of them. */
    private static Map<String, Integer> leaving(Fulfilment fulfilment, Map<String, Integer> named) {
        if (named == null || named.isEmpty()) {
            return new LinkedHashMap<>(fulfilment.lines);
        }
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        named.forEach((sku, quantity) -> {
            int held = fulfilment.lines.getOrDefault(sku, 0);
            if (held == 0) {
                errors.add(new Problem.FieldError("lines." + sku, "is not in fulfilment " + fulfilment.number));
            } else if (quantity > held) {
                errors.add(new Problem.FieldError("lines." + sku, "is more than the " + held + " the fulfilment holds"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new java.util.TreeMap<>(named);
    }

    private static boolean sameTracking(Fulfilment fulfilment, Shipment shipment) {
        return shipment == null || (Objects.equals(fulfilment.carrier, shipment.carrier())
                && Objects.equals(fulfilment.trackingNumber, shipment.trackingNumber()));
    }

    /** The code as read out at the counter (any case, spaces around), compared in constant time. */
    private static boolean codeMatches(String orderCode, String given) {
        if (orderCode == null || given == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(orderCode.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.strip().toUpperCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String note(Move move) {
        return move.note() != null && !move.note().isBlank() ? move.note().strip()
                : "fulfilment " + move.action().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> state(Fulfilment f) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", f.status);
        state.put("lines", new java.util.TreeMap<>(f.lines));
        if (f.carrier != null) {
            state.put("carrier", f.carrier);
            state.put("trackingNumber", f.trackingNumber);
            state.put("trackingUrl", f.trackingUrl);
        }
        return state;
    }

    private static EventType eventOf(FulfilmentStatus status) {
        return switch (status) {
            case PACKED -> EventType.FULFILMENT_PACKED;
            case SHIPPED -> EventType.FULFILMENT_SHIPPED;
            case DELIVERED -> EventType.FULFILMENT_DELIVERED;
            case READY_FOR_PICKUP -> EventType.FULFILMENT_READY_FOR_PICKUP;
            case COLLECTED -> EventType.FULFILMENT_COLLECTED;
            case CANCELLED -> EventType.FULFILMENT_CANCELLED;
            case ALLOCATED -> EventType.FULFILMENT_ALLOCATED;
        };
    }

    private static ProblemException refused(Fulfilment fulfilment, String why) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("fulfilmentStatus", fulfilment.status.name());
        return new ProblemException(new Problem(409, "FULFILMENT_TRANSITION_REFUSED", "Fulfilment cannot move so",
                "Fulfilment " + fulfilment.number + " is " + fulfilment.status + ": " + why + ".", null, extensions));
    }

    private static ProblemException orderNotFound() {
        return ProblemException.notFound("ORDER_NOT_FOUND", "Order not found", "No order has this id.");
    }

    private static ProblemException notFound(String number) {
        return ProblemException.notFound("FULFILMENT_NOT_FOUND", "Fulfilment not found",
                "The order has no fulfilment " + number + ".");
    }
}
