package storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentsTest {

    @Test
    void productionNeedsStripeWithBothSecrets() {
        assertThat(Payments.problems("stripe", true, true, true)).isEmpty();
        assertThat(Payments.problems("stripe", true, false, true)).singleElement().asString().contains("STRIPE_SECRET_KEY");
        assertThat(Payments.problems("stripe", true, true, false)).singleElement().asString()
                .contains("STRIPE_WEBHOOK_SECRET");
        assertThat(Payments.problems("manual", true, false, false)).singleElement().asString().contains("dev mode only");
        assertThat(Payments.problems("paypal", false, false, false)).singleElement().asString().contains("stripe or manual");
    }

    @Test
    void devModePicksStripeOnlyWhenAKeyIsSet() {
        assertThat(Payments.resolve("auto", false)).isEqualTo("manual");
        assertThat(Payments.resolve("auto", true)).isEqualTo("stripe");
        assertThat(Payments.problems("manual", false, false, false)).isEmpty();
        assertThat(Payments.resolve("stripe", false)).isEqualTo("stripe");
    }
}
