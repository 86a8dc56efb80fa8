package storefront.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import storefront.fulfilment.Allocation.Candidate;
import storefront.fulfilment.Allocation.Parcel;

/** Where an order's units leave from, as a table. */
class AllocationTest {

    private static final Candidate NEAR = new Candidate("near", Map.of("A", 1, "B", 5));
    private static final Candidate MID = new Candidate("mid", Map.of("A", 3, "B", 2));
    private static final Candidate FAR = new Candidate("far", Map.of("A", 10, "B", 10, "C", 1));
    private static final Candidate EMPTY = new Candidate("empty", Map.of());

    static Stream<Arguments> plans() {
        return Stream.of(
                // The nearest location holding every line takes the whole order.
                Arguments.of(Map.of("A", 1, "B", 2), List.of(NEAR, MID, FAR),
                        List.of(new Parcel("near", Map.of("A", 1, "B", 2))), Map.of()),
                // Not the nearest when it lacks a line: the nearest that has them all.
                Arguments.of(Map.of("A", 2, "B", 2), List.of(NEAR, MID, FAR),
                        List.of(new Parcel("mid", Map.of("A", 2, "B", 2))), Map.of()),
                // No location without a gap holds them all: split, nearest first.
                Arguments.of(Map.of("A", 4, "C", 1), List.of(NEAR, MID, EMPTY, new Candidate("far2", Map.of("C", 1))),
                        List.of(new Parcel("near", Map.of("A", 1)), new Parcel("mid", Map.of("A", 3)),
                                new Parcel("far2", Map.of("C", 1))), Map.of()),
                // A split stops as soon as nothing is wanted.
                Arguments.of(Map.of("A", 2, "B", 7), List.of(NEAR, MID, EMPTY),
                        List.of(new Parcel("near", Map.of("A", 1, "B", 5)), new Parcel("mid", Map.of("A", 1, "B", 2))),
                        Map.of()),
                // What no location holds is the shortfall.
                Arguments.of(Map.of("A", 20), List.of(NEAR, MID),
                        List.of(new Parcel("near", Map.of("A", 1)), new Parcel("mid", Map.of("A", 3))),
                        Map.of("A", 16)),
                Arguments.of(Map.of("A", 1), List.of(), List.of(), Map.of("A", 1)),
                // A location whose count went negative in a report gives nothing.
                Arguments.of(Map.of("A", 1), List.of(new Candidate("odd", Map.of("A", -2)), MID),
                        List.of(new Parcel("mid", Map.of("A", 1))), Map.of()));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void plan(Map<String, Integer> wanted, List<Candidate> nearestFirst, List<Parcel> parcels,
              Map<String, Integer> shortfall) {
        Allocation.Plan plan = Allocation.plan(wanted, nearestFirst);
        assertThat(plan.parcels()).isEqualTo(parcels);
        assertThat(plan.shortfall()).isEqualTo(shortfall);
    }
}
