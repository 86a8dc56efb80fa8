package storefront.checkout;

import com.stripe.StripeClient;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which payment provider is active, built from the environment. {@code stripe}
 * needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET; {@code manual} serves dev
 * mode without keys; {@code auto} (dev mode's default) picks stripe when a key
 * is set. The packaged application refuses to start with anything but a fully
 * configured stripe.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);

    @ConfigProperty(name = "storefront.payment.provider", defaultValue = "stripe")
    String configured;
    @ConfigProperty(name = "storefront.stripe.secret-key")
    Optional<String> secretKey;
    @ConfigProperty(name = "storefront.stripe.webhook-secret")
    Optional<String> webhookSecret;
    @ConfigProperty(name = "storefront.stripe.api-base", defaultValue = "https://api.stripe.com")
    String apiBase;
    @ConfigProperty(name = "storefront.stripe.connect-timeout-ms", defaultValue = "3000")
    int connectTimeoutMs;
    @ConfigProperty(name = "storefront.stripe.read-timeout-ms", defaultValue = "10000")
    int readTimeoutMs;
    @ConfigProperty(name = "storefront.stripe.max-network-retries", defaultValue = "1")
    int maxNetworkRetries;

    /** The provider the configuration names, with {@code auto} resolved. */
    static String resolve(String configured, boolean hasSecretKey) {
        return "auto".equals(configured) ? (hasSecretKey ? PaymentGateway.STRIPE : PaymentGateway.MANUAL) : configured;
    }

    /** What is wrong with this configuration; empty when nothing is. */
    static List<String> problems(String provider, boolean production, boolean hasSecretKey, boolean hasWebhookSecret) {
        List<String> problems = new ArrayList<>();
        if (!List.of(PaymentGateway.STRIPE, PaymentGateway.MANUAL).contains(provider)) {
            problems.add("PAYMENT_PROVIDER must be stripe or manual, not '" + provider + "'.");
        } else if (provider.equals(PaymentGateway.MANUAL) && production) {
            problems.add("the manual payment provider confirms orders without payment and is for dev mode only; "
                    + "configure stripe.");
        } else if (provider.equals(PaymentGateway.STRIPE)) {
            if (!hasSecretKey) {
                problems.add("STRIPE_SECRET_KEY is not set.");
            }
            if (!hasWebhookSecret) {
                problems.add("STRIPE_WEBHOOK_SECRET is not set (payments could never be confirmed).");
            }
        }
        return problems;
    }

    String provider() {
        return resolve(configured, secretKey.isPresent());
    }

    void check(@Observes StartupEvent event) {
        List<String> problems = problems(provider(), LaunchMode.current() == LaunchMode.NORMAL,
                secretKey.isPresent(), webhookSecret.isPresent());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(" ", problems));
        }
        LOG.infof("Payment provider: %s", provider());
    }

    /** The webhook signing secret, when Stripe is the provider. */
    Optional<String> webhookSecret() {
        return provider().equals(PaymentGateway.STRIPE) ? webhookSecret : Optional.empty();
    }

    @Produces
    @Singleton
    PaymentGateway gateway() {
        if (!provider().equals(PaymentGateway.STRIPE)) {
            return new ManualGateway();
        }
        return new StripeGateway(StripeClient.builder()
                .setApiKey(secretKey.orElseThrow(() -> new IllegalStateException("STRIPE_SECRET_KEY is not set")))
                .setApiBase(apiBase)
                .setConnectTimeout(connectTimeoutMs)
                .setReadTimeout(readTimeoutMs)
                .setMaxNetworkRetries(maxNetworkRetries)
                .build(), apiBase);
    }
}
