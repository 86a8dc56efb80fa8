package storefront.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import storefront.Await;
import storefront.inventory.TestSkus;

/**
 * Reservations that run out: the sweeper expires the order, gives the stock
 * back and cancels the PaymentIntent; a payment that succeeds afterwards is
 * refunded when the stock has gone, or settles the order when it is still there.
 */
@QuarkusTest
class ReservationExpiryTest {

    @Inject
    Pool pool;
    @Inject
    ReservationSweeper sweeper;

    @BeforeEach
    void stripe() {
        StripeMock.answerLikeStripe();
    }

    @Test
    void anUnpaidOrderExpiresReleasesItsStockAndCancelsItsPayment() {
        String sku = TestSkus.create(pool, "CN", 9900, 1);
        JsonPath order = Shop.placeOrder("CN", Map.of(sku, 1), "CN", null);
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(1, 1);
        String intent = order.getString("payment.paymentIntentId");

        sweeper.sweep().await().indefinitely();
        assertThat(Shop.order(order).getString("status")).as("not yet due").isEqualTo("PENDING_PAYMENT");

        runOut(order);
        sweeper.sweep().await().indefinitely();

        JsonPath expired = Shop.order(order);
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(expired.getString("reservedUntil")).isNull();
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(1, 0);
        List<LoggedRequest> cancels = StripeMock.server().findAll(
                postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel")));
        assertThat(cancels).hasSize(1);
        assertThat(cancels.get(0).getHeader("Idempotency-Key")).isEqualTo("storefront-cancel-" + order.getString("orderId"));
        assertThat(TestSkus.one(pool, "select cancel_payment from customer_order where id = $1::uuid",
                order.getString("orderId")).getBoolean("cancel_payment")).isFalse();

        // The unit is for sale again, and Stripe's cancellation event changes nothing more.
        Shop.placeOrder("CN", Map.of(sku, 1), "CN", null);
        Shop.webhook(Shop.intentEvent("payment_intent.canceled", intent, order.getString("orderId"), 0, "cny"))
                .then().statusCode(200).body("outcome", equalTo("IGNORED"));
    }

    @Test
    void aCancellationStripeCouldNotTakeIsRetriedOnTheNextSweep() {
        String sku = TestSkus.create(pool, "CN", 9900, 1);
        JsonPath order = Shop.placeOrder("CN", Map.of(sku, 1), "CN", null);
        runOut(order);
        StripeMock.down();
        sweeper.sweep().await().indefinitely();
        assertThat(Shop.order(order).getString("status")).isEqualTo("EXPIRED");
        assertThat(TestSkus.stock(pool, sku, "CN")).as("stock released even with Stripe down").containsExactly(1, 0);

        StripeMock.answerLikeStripe();
        sweeper.sweep().await().indefinitely();
        assertThat(StripeMock.server().findAll(postRequestedFor(urlPathEqualTo(
                "/v1/payment_intents/" + order.getString("payment.paymentIntentId") + "/cancel")))).hasSize(1);
    }

    @Test
    void aPaymentAfterExpiryWhenTheStockIsGoneIsRefundedInFull() throws InterruptedException {
        String sku = TestSkus.create(pool, "CN", 9900, 1);
        JsonPath late = Shop.placeOrder("CN", Map.of(sku, 1), "CN", null);
        runOut(late);
        sweeper.sweep().await().indefinitely();
        // Someone else buys the unit meanwhile.
        JsonPath other = Shop.placeOrder("CN", Map.of(sku, 1), "CN", null);
        long total = late.getLong("totals.total.amountMinor");
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", other.getString("payment.paymentIntentId"),
                other.getString("orderId"), total, "cny")).then().statusCode(200);
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(0, 0);

        String intent = late.getString("payment.paymentIntentId");
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", intent, late.getString("orderId"), total, "cny"))
                .then().statusCode(200).body("outcome", equalTo("REFUND_DUE"));

        LoggedRequest refund = awaitRefund(intent);
        assertThat(CheckoutTest.form(refund)).contains("payment_intent=" + intent, "amount=" + total);
        JsonPath paidLate = Shop.order(late);
        assertThat(paidLate.getString("status")).isEqualTo("EXPIRED");
        assertThat(paidLate.getString("paidAt")).isNotNull();
        assertThat(paidLate.getString("payment.lastError")).contains("refunded in full");
        assertThat(TestSkus.stock(pool, sku, "CN")).as("the other shopper's unit is not taken").containsExactly(0, 0);

        Shop.webhook(Shop.refundEvent(intent, total, total, "cny")).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        JsonPath refunded = Shop.order(late);
        assertThat(refunded.getString("status")).isEqualTo("REFUNDED");
        assertThat(refunded.getLong("refunded.amountMinor")).isEqualTo(total);

        // A sweep sends nothing again once the provider's refund id is recorded.
        Await.until("refund id recorded", () -> TestSkus.one(pool, "select count(*) as n from refund "
                + "where order_id = $1::uuid and provider_refund_id is null", late.getString("orderId"))
                .getLong("n") == 0);
        int before = StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).size();
        sweeper.sweep().await().indefinitely();
        assertThat(StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")))).hasSize(before);
    }

    @Test
    void aPaymentAfterExpiryWhenTheStockIsStillThereSettlesTheOrder() {
        String sku = TestSkus.create(pool, "CN", 9900, 3);
        JsonPath late = Shop.placeOrder("CN", Map.of(sku, 2), "CN", null);
        runOut(late);
        sweeper.sweep().await().indefinitely();
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(3, 0);

        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", late.getString("payment.paymentIntentId"),
                late.getString("orderId"), late.getLong("totals.total.amountMinor"), "cny"))
                .then().statusCode(200).body("outcome", equalTo("PAID_AFTER_EXPIRY"));
        assertThat(Shop.order(late).getString("status")).isEqualTo("PAID");
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(1, 0);
        assertThat(StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")))).isEmpty();
    }

    @Test
    void aRetriedCheckoutOfAnExpiredOrderMakesNoPayment() {
        String sku = TestSkus.create(pool, "CN", 9900, 1);
        String cart = Shop.cart("CN", Map.of(sku, 1));
        String key = UUID.randomUUID().toString();
        StripeMock.down();
        Shop.checkout(cart, key, Shop.checkoutBody("CN", null)).then().statusCode(503);
        String orderId = TestSkus.one(pool, "select id::text from customer_order where cart_id = $1::uuid", cart)
                .getString("id");
        TestSkus.runOut(pool, orderId);
        sweeper.sweep().await().indefinitely();

        StripeMock.answerLikeStripe();
        Shop.checkout(cart, key, Shop.checkoutBody("CN", null)).then().statusCode(409)
                .body("code", equalTo("ORDER_NOT_PAYABLE"));
        assertThat(StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")))).isEmpty();
    }

    @Test
    void cartsLeftAloneForAMonthAreSweptAndCartsThatBecameOrdersStay() {
        String sku = TestSkus.create(pool, "CN", 9900, 2);
        String abandoned = Shop.cart("CN", Map.of(sku, 1));
        String fresh = Shop.cart("CN", Map.of(sku, 1));
        String ordered = Shop.cart("CN", Map.of(sku, 1));
        Shop.checkout(ordered, UUID.randomUUID().toString(), Shop.checkoutBody("CN", null)).then().statusCode(201);
        TestSkus.sql(pool, "update cart set updated_at = now() - interval '31 days' where id in ($1::uuid, $2::uuid)",
                abandoned, ordered);

        assertThat(sweeper.sweep().await().indefinitely().of(ReservationSweeper.ABANDONED_CARTS)).isGreaterThanOrEqualTo(1);
        io.restassured.RestAssured.get("/api/v1/carts/{id}", abandoned).then().statusCode(404);
        io.restassured.RestAssured.get("/api/v1/carts/{id}", fresh).then().statusCode(200);
        io.restassured.RestAssured.get("/api/v1/carts/{id}", ordered).then().statusCode(200);
    }

    private void runOut(JsonPath order) {
        TestSkus.runOut(pool, order.getString("orderId"));
    }

    private static LoggedRequest awaitRefund(String intent) {
        Await.until("refund sent to Stripe", () -> !refundsOf(intent).isEmpty());
        return refundsOf(intent).get(0);
    }

    private static List<LoggedRequest> refundsOf(String intent) {
        return StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).stream()
                .filter(r -> CheckoutTest.form(r).contains("payment_intent=" + intent)).toList();
    }
}
