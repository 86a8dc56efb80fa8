package storefront.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.Tokens;

/** Stripe's webhook: signatures, duplicates, events out of order, amounts that do not match, refunds. */
@QuarkusTest
class WebhookTest {

    /** A US order of one power bank: 24.99 + 5.99 shipping, Illinois 6.25 % = 1.94; total 32.92. */
    private static JsonPath order() {
        StripeMock.answerLikeStripe();
        return Shop.placeOrder("US", Map.of("MI-PB-10000-SILVER", 1), "US", "IL");
    }

    private static String succeeded(JsonPath order) {
        return Shop.intentEvent("payment_intent.succeeded", order.getString("payment.paymentIntentId"),
                order.getString("orderId"), order.getLong("totals.total.amountMinor"), "usd");
    }

    @Test
    void aTamperedOrMissingSignatureIsRefusedAndChangesNothing() {
        JsonPath order = order();
        String payload = succeeded(order);
        long now = Instant.now().getEpochSecond();
        Shop.webhookSigned(payload.replace("\"amount\": 3292", "\"amount\": 1"),
                        StripeMock.sign(payload, now, StripeMock.WEBHOOK_SECRET))
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_SIGNATURE"));
        Shop.webhookSigned(payload, StripeMock.sign(payload, now, "whsec_someone_else")).then().statusCode(400);
        Shop.webhookSigned(payload, null).then().statusCode(400);
        Shop.webhookSigned(payload, StripeMock.sign(payload, now - 3600, StripeMock.WEBHOOK_SECRET))
                .then().statusCode(400);
        assertThat(Shop.order(order).getString("status")).isEqualTo("PENDING_PAYMENT");
        // The same event, properly signed, then applies.
        Shop.webhook(payload).then().statusCode(200).body("outcome", equalTo("APPLIED"));
    }

    @Test
    void aRedeliveredEventIsANoOpAndALateFailureChangesNothing() {
        JsonPath order = order();
        String success = succeeded(order);
        Shop.webhook(success).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        Shop.webhook(success).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        Shop.webhook(Shop.intentEvent("payment_intent.payment_failed", order.getString("payment.paymentIntentId"),
                order.getString("orderId"), 3292, "usd")).then().statusCode(200).body("outcome", equalTo("IGNORED"));
        Shop.webhook(Shop.intentEvent("payment_intent.canceled", order.getString("payment.paymentIntentId"),
                order.getString("orderId"), 3292, "usd")).then().statusCode(200).body("outcome", equalTo("IGNORED"));
        JsonPath after = Shop.order(order);
        assertThat(after.getString("status")).isEqualTo("PAID");
        assertThat(after.getString("payment.lastError")).isNull();
    }

    @Test
    void aFailureKeepsTheOrderPayableAndSaysWhy() {
        JsonPath order = order();
        Shop.webhook(Shop.intentEvent("payment_intent.payment_failed", order.getString("payment.paymentIntentId"),
                        order.getString("orderId"), 3292, "usd"))
                .then().statusCode(200).body("outcome", equalTo("FAILURE_RECORDED"));
        JsonPath failed = Shop.order(order);
        assertThat(failed.getString("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(failed.getString("payment.lastError")).contains("insufficient funds", "insufficient_funds");
        Shop.webhook(succeeded(order)).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertThat(Shop.order(order).getString("status")).isEqualTo("PAID");
        assertThat(Shop.order(order).getString("payment.lastError")).isNull();
    }

    @Test
    void aCancelledPaymentCancelsTheOrder() {
        JsonPath order = order();
        Shop.webhook(Shop.intentEvent("payment_intent.canceled", order.getString("payment.paymentIntentId"),
                order.getString("orderId"), 3292, "usd")).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertThat(Shop.order(order).getString("status")).isEqualTo("CANCELLED");
        Shop.webhook(succeeded(order)).then().statusCode(200).body("outcome", equalTo("IGNORED"));
        assertThat(Shop.order(order).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void anAmountOrCurrencyThatDoesNotMatchNeverMarksTheOrderPaid() {
        JsonPath order = order();
        String intent = order.getString("payment.paymentIntentId");
        String id = order.getString("orderId");
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", intent, id, 100, "usd"))
                .then().statusCode(200).body("outcome", equalTo("AMOUNT_MISMATCH"));
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", intent, id, 3292, "eur"))
                .then().statusCode(200).body("outcome", equalTo("AMOUNT_MISMATCH"));
        assertThat(Shop.order(order).getString("status")).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void anEventForAnUnknownOrderIsRecordedAndAnswered() {
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", "pi_unknown", UUID.randomUUID().toString(), 100,
                "usd")).then().statusCode(200).body("outcome", equalTo("UNKNOWN_ORDER"));
        Shop.webhook(Shop.intentEvent("customer.created", "cus_1", "x", 0, "usd"))
                .then().statusCode(200).body("outcome", equalTo("IGNORED_TYPE"));
    }

    @Test
    void refundsFollowStripeAndAnOlderRefundEventNeverLowersTheAmount() {
        JsonPath order = order();
        String intent = order.getString("payment.paymentIntentId");
        Shop.webhook(succeeded(order)).then().statusCode(200);

        String admin = Tokens.admin("refunds-admin");
        String key = UUID.randomUUID().toString();
        JsonPath refund = given().auth().oauth2(admin).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("amountMinor", 1000, "reason", "Dented box"))
                .post("/api/v1/admin/orders/{id}/refunds", order.getString("orderId"))
                .then().statusCode(201).extract().jsonPath();
        assertThat(refund.getString("providerRefundId")).startsWith("re_");
        assertThat(refund.getString("orderStatus")).as("Stripe's event has not come yet").isEqualTo("PAID");
        List<LoggedRequest> asked = StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")));
        LoggedRequest sent = asked.get(asked.size() - 1);
        assertThat(CheckoutTest.form(sent)).contains("payment_intent=" + intent, "amount=1000");
        assertThat(sent.getHeader("Idempotency-Key")).startsWith("storefront-refund-" + order.getString("orderId"));
        // A second refund cannot ask for more than is left.
        given().auth().oauth2(admin).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 2293, "reason", "Too much"))
                .post("/api/v1/admin/orders/{id}/refunds", order.getString("orderId"))
                .then().statusCode(422).body("code", equalTo("REFUND_EXCEEDS_PAYMENT"))
                .body("refundableMinor", equalTo(2292));
        given().auth().oauth2(Tokens.ops("lead", "US")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/admin/orders/{id}/refunds", order.getString("orderId")).then().statusCode(403);

        String partial = Shop.refundEvent(intent, 3292, 1000, "usd");
        String full = Shop.refundEvent(intent, 3292, 3292, "usd");
        Shop.webhook(full).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        Shop.webhook(partial).then().statusCode(200).body("outcome", equalTo("IGNORED"));
        JsonPath after = Shop.order(order);
        assertThat(after.getString("status")).isEqualTo("REFUNDED");
        assertThat(after.getLong("refunded.amountMinor")).isEqualTo(3292);
    }

    @Test
    void aRefundThatArrivesBeforeTheSuccessSettlesTheOrderAsPaidAndRefunded() {
        JsonPath order = order();
        String intent = order.getString("payment.paymentIntentId");
        Shop.webhook(Shop.refundEvent(intent, 3292, 500, "usd")).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        JsonPath after = Shop.order(order);
        assertThat(after.getString("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(after.getString("paidAt")).isNotNull();
        Shop.webhook(succeeded(order)).then().statusCode(200).body("outcome", equalTo("IGNORED"));
        assertThat(Shop.order(order).getString("status")).isEqualTo("PARTIALLY_REFUNDED");
    }
}
