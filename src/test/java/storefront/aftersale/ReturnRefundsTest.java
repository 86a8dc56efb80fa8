package storefront.aftersale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import storefront.aftersale.ReturnRefunds.Order;
import storefront.aftersale.ReturnRefunds.Refund;
import storefront.aftersale.ReturnRefunds.Sold;

/** What a return gives back, as a table. */
class ReturnRefundsTest {

    /** EU: prices include VAT. 2 × A at 2999, 1 × B at 1000 (a line of 3 B at 333.33 would round). */
    private static final Order INCLUSIVE = new Order(Map.of("A", new Sold(2, 5998), "B", new Sold(3, 1000)), 6998,
            499, 1197, true);
    /** US: 8.25% sales tax on 5000 of goods is 413 (rounded). */
    private static final Order EXCLUSIVE = new Order(Map.of("A", new Sold(2, 4000), "B", new Sold(1, 1000)), 5000,
            0, 413, false);
    /** The same with 1000 of delivery, taxed too: 8.25% of 6000 is 495. */
    private static final Order EXCLUSIVE_SHIPPED = new Order(Map.of("A", new Sold(2, 4000), "B", new Sold(1, 1000)),
            5000, 1000, 495, false);

    static Stream<Arguments> refunds() {
        return Stream.of(
                // One unit gives back its share of its line; no tax on top where prices include it.
                Arguments.of(INCLUSIVE, Map.of("A", 1), Map.of(), new Refund(2999, 0, false)),
                // A third of 1000 rounds half up: 333.
                Arguments.of(INCLUSIVE, Map.of("B", 1), Map.of(), new Refund(333, 0, false)),
                Arguments.of(INCLUSIVE, Map.of("B", 2), Map.of(), new Refund(667, 0, false)),
                // The return that completes the order's return gives back everything left, delivery included.
                Arguments.of(INCLUSIVE, Map.of("A", 1, "B", 3), Map.of("A", 1), new Refund(3999, 0, true)),
                // Where tax is on top, the units' share of it: 413 × 2000 / 5000 = 165.2 → 165.
                Arguments.of(EXCLUSIVE, Map.of("A", 1), Map.of(), new Refund(2000, 165, false)),
                Arguments.of(EXCLUSIVE, Map.of("B", 1), Map.of(), new Refund(1000, 83, false)),
                Arguments.of(EXCLUSIVE, Map.of("A", 2, "B", 1), Map.of(), new Refund(5000, 413, true)),
                // Tax on delivery stays with delivery: 495 × 2000 / 6000 = 165, the goods' 8.25% alone.
                Arguments.of(EXCLUSIVE_SHIPPED, Map.of("A", 1), Map.of(), new Refund(2000, 165, false)));
    }

    @ParameterizedTest
    @MethodSource("refunds")
    void refund(Order order, Map<String, Integer> returning, Map<String, Integer> before, Refund expected) {
        assertThat(ReturnRefunds.of(order, returning, before)).isEqualTo(expected);
    }

    @Test
    void aReturnThatCompletesTheOrderAsksForEverythingLeftWhichTheCallerCaps() {
        Refund all = ReturnRefunds.of(EXCLUSIVE, Map.of("A", 2, "B", 1), Map.of());
        assertThat(all.amountMinor()).isEqualTo(Long.MAX_VALUE);
        assertThat(ReturnRefunds.of(EXCLUSIVE, Map.of("A", 1), Map.of()).amountMinor()).isEqualTo(2165);
    }

    @Test
    void aSkuTheOrderDidNotSellIsNoReturn() {
        assertThatThrownBy(() -> ReturnRefunds.of(INCLUSIVE, Map.of("C", 1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
