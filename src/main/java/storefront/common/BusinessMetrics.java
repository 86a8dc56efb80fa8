package storefront.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;

/**
 * The storefront's own counters, exported at /q/metrics as {@code storefront_*_total}.
 * What happens inside a transaction is counted when it commits, so a rolled-back
 * attempt and its retry count once.
 */
@Singleton
public class BusinessMetrics {

    private final MeterRegistry registry;

    public BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An order entered a state (PENDING_PAYMENT when placed, then PAID, EXPIRED, REFUNDED, ...). */
    public void orderEntered(String region, String state) {
        registry.counter("storefront.orders", "region", region, "state", state).increment();
    }

    /** A payment's outcome as the provider reported it: succeeded or failed. */
    public void payment(String region, boolean succeeded) {
        registry.counter("storefront.payments", "region", region, "outcome", succeeded ? "succeeded" : "failed")
                .increment();
    }

    /** A provider webhook event and what it did (APPLIED, DUPLICATE, UNKNOWN_ORDER, ...). */
    public void webhookEvent(String type, String outcome) {
        registry.counter("storefront.webhook.events", "type", type, "outcome", outcome).increment();
    }

    /** A payment looked up at the provider by reconciliation: what it found, and what that did. */
    public void reconciled(String found, String outcome) {
        registry.counter("storefront.payment.reconciliations", "found", found, "outcome", outcome).increment();
    }

    /** A flash-sale claim's answer: GRANTED, REPLAYED or the refusal's code (SOLD_OUT, CLAIM_RATE_LIMITED, ...). */
    public void claim(String outcome) {
        registry.counter("storefront.flash_sale.claims", "outcome", outcome).increment();
    }

    /** An ops change to a region's catalog (a toggle, a listing, a sales window). */
    public void toggle(String region, String change) {
        registry.counter("storefront.region.toggles", "region", region, "change", change).increment();
    }

    /** Runs {@code count} when the transaction {@code client} belongs to commits; at once outside a transaction. */
    public static void afterCommit(SqlClient client, Runnable count) {
        if (client instanceof SqlConnection connection && connection.transaction() != null) {
            connection.transaction().completion().subscribe().with(committed -> count.run(), rolledBack -> { });
        } else {
            count.run();
        }
    }
}
