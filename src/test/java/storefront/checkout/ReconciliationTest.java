package storefront.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import storefront.inventory.TestSkus;

/** Orders whose webhook never came are settled from what Stripe says about their PaymentIntent. */
@QuarkusTest
@QuarkusTestResource(StripeMock.class)
class ReconciliationTest {

    @Inject
    PaymentReconciler reconciler;
    @Inject
    Pool pool;

    @AfterEach
    void stripeAsUsual() {
        StripeMock.answerLikeStripe();
    }

    @Test
    void aPaymentThatSucceededWithoutItsWebhookIsFoundAndTheOrderPaidOnce() {
        StripeMock.answerLikeStripe();
        JsonPath checkout = Shop.placeOrder("US", Map.of("MI-BAND-8-BLACK", 1), "US", "CA");
        String intent = checkout.getString("payment.paymentIntentId");
        long total = checkout.getLong("totals.total.amountMinor");
        intentSays(intent, "succeeded", total, null);

        // A pending order that is still fresh is left alone: its webhook may be on the way.
        reconciler.reconcile().await().indefinitely();
        assertThat(Shop.order(checkout).getString("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(StripeMock.server().findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intent))))
                .isEmpty();

        quiet(checkout.getString("orderId"));
        reconciler.reconcile().await().indefinitely();
        JsonPath order = Shop.order(checkout);
        assertThat(order.getString("status")).isEqualTo("PAID");
        assertThat(order.getString("paidAt")).isNotNull();
        assertThat(TestSkus.one(pool, "select count(*) from payment_event where order_id = $1::uuid and type = $2",
                checkout.getString("orderId"), "reconcile.succeeded").getLong(0)).isEqualTo(1);

        // Paid orders are not asked about again; the late webhook changes nothing.
        int asked = StripeMock.server().findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intent))).size();
        assertThat(reconciler.reconcile().await().indefinitely()).isZero();
        assertThat(StripeMock.server().findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intent))))
                .hasSize(asked);
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", intent, checkout.getString("orderId"), total, "usd"))
                .then().statusCode(200);
        assertThat(Shop.order(checkout).getString("status")).isEqualTo("PAID");
    }

    @Test
    void anExpiredOrderWhosePaymentWentThroughIsSettledAndACancelledOneIsLeftAlone() {
        StripeMock.answerLikeStripe();
        JsonPath paid = Shop.placeOrder("US", Map.of("MI-BAND-8-BLACK", 1), "US", "CA");
        JsonPath abandoned = Shop.placeOrder("US", Map.of("MI-BAND-8-BLACK", 1), "US", "CA");
        for (JsonPath order : new JsonPath[] {paid, abandoned}) {
            TestSkus.sql(pool, "update customer_order set status = 'EXPIRED' where id = $1::uuid",
                    order.getString("orderId"));
            quiet(order.getString("orderId"));
        }
        intentSays(paid.getString("payment.paymentIntentId"), "succeeded", paid.getLong("totals.total.amountMinor"),
                null);
        String cancelled = abandoned.getString("payment.paymentIntentId");
        intentSays(cancelled, "canceled", 0, null);

        reconciler.reconcile().await().indefinitely();
        // Paid after it expired: the order is settled (sold if its stock is there, else refunded), never left.
        assertThat(Shop.order(paid).getString("paidAt")).isNotNull();
        assertThat(Shop.order(abandoned).getString("status")).isEqualTo("EXPIRED");

        int asked = StripeMock.server().findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + cancelled)))
                .size();
        assertThat(asked).isEqualTo(1);
        reconciler.reconcile().await().indefinitely();
        assertThat(StripeMock.server().findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + cancelled))))
                .as("a cancelled payment is not asked about again").hasSize(1);
    }

    @Test
    void aFailedAttemptIsRecordedAndTheOrderStaysPayable() {
        StripeMock.answerLikeStripe();
        JsonPath checkout = Shop.placeOrder("US", Map.of("MI-BAND-8-BLACK", 1), "US", "CA");
        intentSays(checkout.getString("payment.paymentIntentId"), "requires_payment_method", 0,
                "Your card was declined.");
        quiet(checkout.getString("orderId"));
        reconciler.reconcile().await().indefinitely();
        JsonPath order = Shop.order(checkout);
        assertThat(order.getString("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(order.getString("payment.lastError")).contains("declined");
    }

    private void quiet(String orderId) {
        TestSkus.sql(pool, "update customer_order set updated_at = now() - interval '1 hour' where id = $1::uuid",
                orderId);
    }

    private static void intentSays(String intent, String status, long received, String error) {
        String lastError = error == null ? "null" : "{\"message\": \"" + error + "\", \"type\": \"card_error\"}";
        StripeMock.server().stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id": "%s", "object": "payment_intent", "status": "%s", "amount_received": %d,
                         "currency": "usd", "last_payment_error": %s, "livemode": false}"""
                        .formatted(intent, status, received, lastError))));
    }
}
