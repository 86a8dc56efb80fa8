package storefront.fulfilment;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a fulfilment moves, and what its order's fulfilments add up to. Pure: no I/O.
 *
 * <p>A shipment goes ALLOCATED → PACKED → SHIPPED → DELIVERED; a pickup
 * ALLOCATED → PACKED → READY_FOR_PICKUP → COLLECTED. Packing may be skipped.
 * Either may be CANCELLED while it is still at its location (ALLOCATED or
 * PACKED). Asking for the state a fulfilment is already in changes nothing and
 * is not refused, so a retried request is harmless.
 */
public final class FulfilmentMachine {

    /** What staff do to a fulfilment. */
    public enum Action {
        PACK(FulfilmentStatus.PACKED, null, "packed"),
        SHIP(FulfilmentStatus.SHIPPED, FulfilmentKind.SHIPMENT, "shipped"),
        DELIVER(FulfilmentStatus.DELIVERED, FulfilmentKind.SHIPMENT, "delivered"),
        READY(FulfilmentStatus.READY_FOR_PICKUP, FulfilmentKind.PICKUP, "made ready for pickup"),
        COLLECT(FulfilmentStatus.COLLECTED, FulfilmentKind.PICKUP, "collected"),
        CANCEL(FulfilmentStatus.CANCELLED, null, "cancelled");

        private final FulfilmentStatus target;
        private final FulfilmentKind only;
        private final String past;

        Action(FulfilmentStatus target, FulfilmentKind only, String past) {
            this.target = target;
            this.only = only;
            this.past = past;
        }

        public FulfilmentStatus target() {
            return target;
        }
    }

    /** Where the fulfilment stands after the action; {@code refusal} says why nothing could move. */
    public record Step(FulfilmentStatus status, boolean moved, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /** What an order's fulfilments add up to, for the shopper. */
    public enum Progress {
        /** Not paid yet: nothing is allocated. */
        NONE,
        /** Every fulfilment is still at its location. */
        PROCESSING,
        /** Some have left (shipped, or ready at the pickup store), some not yet. */
        PARTIALLY_SENT,
        /** All have left; none has reached the shopper yet. */
        SENT,
        /** Some are with the shopper (delivered or collected), some not yet. */
        PARTIALLY_DELIVERED,
        /** All are with the shopper. */
        DELIVERED,
        /** All were cancelled. */
        CANCELLED
    }

    private static final Set<FulfilmentStatus> AT_LOCATION = EnumSet.of(FulfilmentStatus.ALLOCATED,
            FulfilmentStatus.PACKED);
    private static final Set<FulfilmentStatus> WITH_SHOPPER = EnumSet.of(FulfilmentStatus.DELIVERED,
            FulfilmentStatus.COLLECTED);

    private FulfilmentMachine() {
    }

    public static Step apply(FulfilmentKind kind, FulfilmentStatus from, Action action) {
        if (action.only != null && action.only != kind) {
            return refused(from, kind == FulfilmentKind.PICKUP
                    ? "a pickup is not " + action.past + ": it is made ready at its store and collected there"
                    : "a shipment is not " + action.past + ": it is shipped and delivered");
        }
        if (from == action.target) {
            return new Step(from, false, null);
        }
        if (!before(action).contains(from)) {
            return refused(from, "a " + from + " fulfilment cannot be " + action.past);
        }
        return new Step(action.target, true, null);
    }

    /** Whether the units have left their location (shipped or ready at the store, or further). */
    public static boolean sent(FulfilmentStatus status) {
        return status != FulfilmentStatus.CANCELLED && !AT_LOCATION.contains(status);
    }

    /** An order may be cancelled while none of its fulfilments has left its location. */
    public static boolean cancellable(Collection<FulfilmentStatus> statuses) {
        return statuses.stream().noneMatch(FulfilmentMachine::sent);
    }

    public static Progress progress(Collection<FulfilmentStatus> statuses) {
        if (statuses.isEmpty()) {
            return Progress.NONE;
        }
        long open = statuses.stream().filter(s -> s != FulfilmentStatus.CANCELLED).count();
        long sent = statuses.stream().filter(FulfilmentMachine::sent).count();
        long delivered = statuses.stream().filter(WITH_SHOPPER::contains).count();
        if (open == 0) {
            return Progress.CANCELLED;
        }
        if (delivered == open) {
            return Progress.DELIVERED;
        }
        if (delivered > 0) {
            return Progress.PARTIALLY_DELIVERED;
        }
        return sent == open ? Progress.SENT : sent > 0 ? Progress.PARTIALLY_SENT : Progress.PROCESSING;
    }

    private static Set<FulfilmentStatus> before(Action action) {
        return switch (action) {
            case PACK, SHIP, READY, CANCEL -> AT_LOCATION;
            case DELIVER -> EnumSet.of(FulfilmentStatus.SHIPPED);
            case COLLECT -> EnumSet.of(FulfilmentStatus.READY_FOR_PICKUP);
        };
    }

    private static Step refused(FulfilmentStatus from, String why) {
        return new Step(from, false, why);
    }
}
