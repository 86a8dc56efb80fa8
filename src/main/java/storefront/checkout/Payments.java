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

    private final PaymentConfig config;

    Payments(PaymentConfig config) {
        this.config = config;
    }

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
        return resolve(config.provider(), config.stripe().secretKey().isPresent());
    }

    void check(@Observes StartupEvent event) {
        List<String> problems = problems(provider(), LaunchMode.current() == LaunchMode.NORMAL,
                config.stripe().secretKey().isPresent(), config.stripe().webhookSecret().isPresent());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(" ", problems));
        }
        LOG.infof("Payment provider: %s", provider());
    }

    /** The webhook signing secret, when Stripe is the provider. */
    Optional<String> webhookSecret() {
        return provider().equals(PaymentGateway.STRIPE) ? config.stripe().webhookSecret() : Optional.empty();
    }

    @Produces
    @Singleton
    PaymentGateway gateway() {
        if (!provider().equals(PaymentGateway.STRIPE)) {
            return new ManualGateway();
        }
        PaymentConfig.Stripe stripe = config.stripe();
        return new StripeGateway(StripeClient.builder()
                .setApiKey(stripe.secretKey().orElseThrow(() -> new IllegalStateException("STRIPE_SECRET_KEY is not set")))
                .setApiBase(stripe.apiBase())
                .setConnectTimeout(stripe.connectTimeoutMs())
                .setReadTimeout(stripe.readTimeoutMs())
                .setMaxNetworkRetries(stripe.maxNetworkRetries())
                .build(), stripe.apiBase());
    }
}
