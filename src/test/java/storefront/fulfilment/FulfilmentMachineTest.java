package storefront.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static storefront.fulfilment.FulfilmentKind.PICKUP;
import static storefront.fulfilment.FulfilmentKind.SHIPMENT;
import static storefront.fulfilment.FulfilmentMachine.Action.CANCEL;
import static storefront.fulfilment.FulfilmentMachine.Action.COLLECT;
import static storefront.fulfilment.FulfilmentMachine.Action.DELIVER;
import static storefront.fulfilment.FulfilmentMachine.Action.PACK;
import static storefront.fulfilment.FulfilmentMachine.Action.READY;
import static storefront.fulfilment.FulfilmentMachine.Action.SHIP;
import static storefront.fulfilment.FulfilmentStatus.ALLOCATED;
import static storefront.fulfilment.FulfilmentStatus.CANCELLED;
import static storefront.fulfilment.FulfilmentStatus.COLLECTED;
import static storefront.fulfilment.FulfilmentStatus.DELIVERED;
import static storefront.fulfilment.FulfilmentStatus.PACKED;
import static storefront.fulfilment.FulfilmentStatus.READY_FOR_PICKUP;
import static storefront.fulfilment.FulfilmentStatus.SHIPPED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import storefront.fulfilment.FulfilmentMachine.Action;
import storefront.fulfilment.FulfilmentMachine.Progress;
import storefront.fulfilment.FulfilmentMachine.Step;

/** Every (kind, status, action) of a fulfilment, and what an order's fulfilments add up to, as tables. */
class FulfilmentMachineTest {

    /** The moves that happen; every other pair of (status, action) is refused or, for the same status, a no-op. */
    private static final Map<FulfilmentKind, Map<FulfilmentStatus, Map<Action, FulfilmentStatus>>> MOVES = Map.of(
            SHIPMENT, Map.of(
                    ALLOCATED, Map.of(PACK, PACKED, SHIP, SHIPPED, CANCEL, CANCELLED),
                    PACKED, Map.of(SHIP, SHIPPED, CANCEL, CANCELLED),
                    SHIPPED, Map.of(DELIVER, DELIVERED)),
            PICKUP, Map.of(
                    ALLOCATED, Map.of(PACK, PACKED, READY, READY_FOR_PICKUP, CANCEL, CANCELLED),
                    PACKED, Map.of(READY, READY_FOR_PICKUP, CANCEL, CANCELLED),
                    READY_FOR_PICKUP, Map.of(COLLECT, COLLECTED)));

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (FulfilmentKind kind : FulfilmentKind.values()) {
            for (FulfilmentStatus from : FulfilmentStatus.values()) {
                for (Action action : Action.values()) {
                    cases.add(Arguments.of(kind, from, action));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyCase")
    void everyKindStatusAndAction(FulfilmentKind kind, FulfilmentStatus from, Action action) {
        Step step = FulfilmentMachine.apply(kind, from, action);
        FulfilmentStatus to = MOVES.get(kind).getOrDefault(from, Map.of()).get(action);
        boolean kindFits = !(kind == SHIPMENT && (action == READY || action == COLLECT))
                && !(kind == PICKUP && (action == SHIP || action == DELIVER));
        if (to != null) {
            assertThat(step).isEqualTo(new Step(to, true, null));
        } else if (kindFits && from == action.target()) {
            assertThat(step).as("a repeat changes nothing and is not refused").isEqualTo(new Step(from, false, null));
        } else {
            assertThat(step.refused()).isTrue();
            assertThat(step.status()).isEqualTo(from);
            assertThat(step.moved()).isFalse();
        }
    }

    @Test
    void aRefusalSaysWhy() {
        assertThat(FulfilmentMachine.apply(PICKUP, ALLOCATED, SHIP).refusal())
                .isEqualTo("a pickup is not shipped: it is made ready at its store and collected there");
        assertThat(FulfilmentMachine.apply(SHIPMENT, ALLOCATED, COLLECT).refusal())
                .isEqualTo("a shipment is not collected: it is shipped and delivered");
        assertThat(FulfilmentMachine.apply(SHIPMENT, SHIPPED, CANCEL).refusal())
                .isEqualTo("a SHIPPED fulfilment cannot be cancelled");
    }

    static Stream<Arguments> progress() {
        return Stream.of(
                Arguments.of(List.of(), Progress.NONE, true),
                Arguments.of(List.of(ALLOCATED), Progress.PROCESSING, true),
                Arguments.of(List.of(ALLOCATED, PACKED, CANCELLED), Progress.PROCESSING, true),
                Arguments.of(List.of(SHIPPED, PACKED), Progress.PARTIALLY_SENT, false),
                Arguments.of(List.of(READY_FOR_PICKUP, ALLOCATED), Progress.PARTIALLY_SENT, false),
                Arguments.of(List.of(SHIPPED, READY_FOR_PICKUP, CANCELLED), Progress.SENT, false),
                Arguments.of(List.of(DELIVERED, SHIPPED), Progress.PARTIALLY_DELIVERED, false),
                Arguments.of(List.of(COLLECTED, ALLOCATED), Progress.PARTIALLY_DELIVERED, false),
                Arguments.of(List.of(DELIVERED, COLLECTED, CANCELLED), Progress.DELIVERED, false),
                Arguments.of(List.of(CANCELLED, CANCELLED), Progress.CANCELLED, true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("progress")
    void anOrdersProgressAndWhetherItMayBeCancelled(List<FulfilmentStatus> statuses, Progress progress,
                                                     boolean cancellable) {
        assertThat(FulfilmentMachine.progress(statuses)).isEqualTo(progress);
        assertThat(FulfilmentMachine.cancellable(statuses)).isEqualTo(cancellable);
    }

    @Test
    void sentMeansTheUnitsLeftTheirLocation() {
        Set<FulfilmentStatus> sent = EnumSet.noneOf(FulfilmentStatus.class);
        for (FulfilmentStatus status : FulfilmentStatus.values()) {
            if (FulfilmentMachine.sent(status)) {
                sent.add(status);
            }
        }
        assertThat(sent).containsExactlyInAnyOrder(SHIPPED, DELIVERED, READY_FOR_PICKUP, COLLECTED);
    }
}
