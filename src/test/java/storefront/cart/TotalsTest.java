package storefront.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import storefront.cart.Totals.Amounts;
import storefront.cart.Totals.Line;
import storefront.region.RegionView.TaxMode;

class TotalsTest {

    @Test
    void exclusiveTaxIsAddedOnGoodsAndShippingRoundedHalfUp() {
        // 2 x 49.99 + 5.99 = 105.97; 7.25 % = 7.682825 -> 7.68
        Amounts a = Totals.of(List.of(new Line(4999, 2)), 599, TaxMode.EXCLUSIVE, 725);
        assertThat(a).isEqualTo(new Amounts(9998, 599, 768, 725, false, 11365));
        // 10.00 at 2.5 % = 0.25 exactly; 10.02 at 2.5 % = 0.2505 -> 0.25; 10.20 -> 0.255 -> 0.26 (half up)
        assertThat(Totals.of(List.of(new Line(1000, 1)), 0, TaxMode.EXCLUSIVE, 250).tax()).isEqualTo(25);
        assertThat(Totals.of(List.of(new Line(1002, 1)), 0, TaxMode.EXCLUSIVE, 250).tax()).isEqualTo(25);
        assertThat(Totals.of(List.of(new Line(1020, 1)), 0, TaxMode.EXCLUSIVE, 250).tax()).isEqualTo(26);
    }

    @Test
    void inclusiveTaxIsTheShareOfTheTotalAndAddsNothing() {
        // 49.99 + 4.99 = 54.98 with 19 % inside: 54.98 x 19 / 119 = 8.7782 -> 8.78
        Amounts a = Totals.of(List.of(new Line(4999, 1)), 499, TaxMode.INCLUSIVE, 1900);
        assertThat(a).isEqualTo(new Amounts(4999, 499, 878, 1900, true, 5498));
        // 1.19 with 19 % inside is exactly 0.19
        assertThat(Totals.of(List.of(new Line(119, 1)), 0, TaxMode.INCLUSIVE, 1900).tax()).isEqualTo(19);
    }

    @Test
    void anEmptyCartCostsNothingNotEvenShipping() {
        assertThat(Totals.of(List.of(), 599, TaxMode.EXCLUSIVE, 725)).isEqualTo(new Amounts(0, 0, 0, 725, false, 0));
    }

    @Test
    void zeroDecimalAmountsAreWholeUnits() {
        // 1,234 yen x 3 + 500 shipping = 4,202 with 10 % inside: 382 yen
        assertThat(Totals.of(List.of(new Line(1234, 3)), 500, TaxMode.INCLUSIVE, 1000).tax()).isEqualTo(382);
    }

    @Test
    void overflowAndBadRatesFailInsteadOfWrapping() {
        assertThatThrownBy(() -> Totals.of(List.of(new Line(Long.MAX_VALUE / 2, 10)), 0, TaxMode.EXCLUSIVE, 0))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Totals.of(List.of(), 0, TaxMode.EXCLUSIVE, 10001))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
