package storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StripeAmountsTest {

    @Test
    void twoDecimalCurrenciesPassThrough() {
        assertThat(StripeAmounts.toStripe(11365, "USD")).isEqualTo(11365);
        assertThat(StripeAmounts.toStripe(5498, "EUR")).isEqualTo(5498);
        assertThat(StripeAmounts.fromStripe(399900, "INR")).isEqualTo(399900);
    }

    @Test
    void zeroDecimalCurrenciesAreWholeUnitsOnBothSides() {
        assertThat(StripeAmounts.toStripe(1234, "JPY")).as("1,234 yen is amount=1234, not 123400").isEqualTo(1234);
        assertThat(StripeAmounts.toStripe(50000, "KRW")).isEqualTo(50000);
        assertThat(StripeAmounts.fromStripe(1234, "JPY")).isEqualTo(1234);
    }

    @Test
    void stripeWantsHundredthsWhereIsoHasNoMinorUnit() {
        // ISO 4217 gives ISK no minor unit; Stripe takes ISK amounts in hundredths.
        assertThat(StripeAmounts.toStripe(1500, "ISK")).isEqualTo(150000);
        assertThat(StripeAmounts.fromStripe(150000, "ISK")).isEqualTo(1500);
        assertThatThrownBy(() -> StripeAmounts.fromStripe(150050, "ISK")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threeDecimalCurrenciesMustEndInZero() {
        assertThat(StripeAmounts.toStripe(12340, "KWD")).isEqualTo(12340);
        assertThatThrownBy(() -> StripeAmounts.toStripe(12345, "KWD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneWholeUnitOfEveryZeroDecimalCurrencyIsAmountOne() {
        for (String currency : List.copyOf(StripeAmounts.ZERO_DECIMAL)) {
            long oneUnit = (long) Math.pow(10, StripeAmounts.isoDigits(currency));
            assertThat(StripeAmounts.toStripe(oneUnit, currency)).as(currency).isEqualTo(1);
        }
        // ISO 4217 gives MGA two digits, Stripe none: a fraction of an ariary cannot be charged.
        assertThatThrownBy(() -> StripeAmounts.toStripe(7, "MGA")).isInstanceOf(IllegalArgumentException.class);
    }
}
