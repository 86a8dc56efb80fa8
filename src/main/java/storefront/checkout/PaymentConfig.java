package storefront.checkout;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** Payments' settings ({@code storefront.payment.*}); their defaults are in application.properties. */
@ConfigMapping(prefix = "storefront.payment")
public interface PaymentConfig {

    /** {@code stripe}, {@code manual} (dev mode only) or {@code auto} (stripe when a secret key is set). */
    String provider();

    /** An order unpaid this long is asked of the payment provider. */
    Duration reconcileAfter();

    /** How often the reconciler runs, and how long after start it first does. */
    Duration reconcileEvery();

    Duration reconcileFirstAfter();

    Stripe stripe();

    /** The Stripe API: where, with which secrets, how patiently. */
    interface Stripe {
        String apiBase();

        Optional<String> secretKey();

        Optional<String> webhookSecret();

        int connectTimeoutMs();

        int readTimeoutMs();

        int maxNetworkRetries();
    }
}
