package storefront.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.ops.Ops;

/**
 * Checkout end to end, with the real stripe-java client talking to a local
 * fake of Stripe's API and Stripe's webhook calls signed with the real scheme.
 */
@QuarkusTest
@QuarkusTestResource(StripeMock.class)
class CheckoutTest {

    @AfterEach
    void stripeUp() {
        StripeMock.answerLikeStripe();
    }

    @Test
    void aGuestBuysInTheUsAndTheWebhookMarksTheOrderPaid() {
        StripeMock.answerLikeStripe();
        String cart = Shop.cart("US", Map.of("MI-BAND-8-BLACK", 2));
        JsonPath result = Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("US", "CA"))
                .then().statusCode(201).extract().jsonPath();
        // 2 x 49.99 + 5.99 shipping = 105.97; California's 7.25 % of that is 7.68 (7.6828 rounded half up).
        assertThat(result.getLong("totals.subtotal.amountMinor")).isEqualTo(9998);
        assertThat(result.getLong("totals.shipping.amountMinor")).isEqualTo(599);
        assertThat(result.getLong("totals.tax.amountMinor")).isEqualTo(768);
        assertThat(result.getBoolean("totals.taxIncluded")).isFalse();
        assertThat(result.getLong("totals.total.amountMinor")).isEqualTo(11365);
        assertThat(result.getString("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(result.getString("orderNumber")).startsWith("US-");
        assertThat(result.getString("payment.provider")).isEqualTo("stripe");
        assertThat(result.getString("payment.clientSecret")).startsWith("pi_secret_");
        String orderId = result.getString("orderId");
        String intent = result.getString("payment.paymentIntentId");

        List<LoggedRequest> created = StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
        assertThat(created).hasSize(1);
        LoggedRequest sent = created.get(0);
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("storefront-order-" + orderId);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk_test_storefront_tests");
        assertThat(form(sent)).contains("amount=11365", "currency=usd", "metadata[order_id]=" + orderId,
                "automatic_payment_methods[enabled]=true", "receipt_email=ada@example.com");

        // No order is readable by its id alone.
        given().get("/api/v1/orders/{id}", orderId).then().statusCode(401).body("code",
                org.hamcrest.Matchers.equalTo("ORDER_TOKEN_REQUIRED"));
        given().header("Order-Token", "not-the-token").get("/api/v1/orders/{id}", orderId).then().statusCode(404);
        assertThat(Shop.order(result).getString("status")).isEqualTo("PENDING_PAYMENT");

        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", intent, orderId, 11365, "usd"))
                .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("APPLIED"));
        JsonPath order = Shop.order(result);
        assertThat(order.getString("status")).isEqualTo("PAID");
        assertThat(order.getString("paidAt")).isNotNull();
        assertThat(order.getString("lines[0].sku")).isEqualTo("MI-BAND-8-BLACK");
        assertThat(order.getString("lines[0].name")).isEqualTo("Mi Band 8");
        assertThat(order.getLong("lines[0].unitPrice.amountMinor")).isEqualTo(4999);
        assertThat(order.getString("shippingAddress.state")).isEqualTo("CA");

        // The cart is now the order's: it can no longer change or be checked out again.
        Shop.put(cart, "MI-BAND-8-GOLD", 1).then().statusCode(409).body("code",
                org.hamcrest.Matchers.equalTo("CART_CHECKED_OUT"));
        Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("US", "CA")).then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("CART_ALREADY_CHECKED_OUT"));
    }

    @Test
    void euPricesIncludeTheVatOfTheDestinationCountry() {
        JsonPath result = Shop.placeOrder("EU", Map.of("MI-BAND-8-BLACK", 1), "DE", null);
        // 49.99 + 4.99 shipping = 54.98 with German VAT (19 %) inside: 54.98 x 19/119 = 8.778 -> 8.78.
        assertThat(result.getLong("totals.total.amountMinor")).isEqualTo(5498);
        assertThat(result.getLong("totals.tax.amountMinor")).isEqualTo(878);
        assertThat(result.getInt("totals.taxRateBps")).isEqualTo(1900);
        assertThat(result.getBoolean("totals.taxIncluded")).isTrue();
        assertThat(form(lastCreate())).contains("amount=5498", "currency=eur");
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstAnswerAndAnotherBodyIsRefused() {
        String cart = Shop.cart("US", Map.of("MI-PB-10000-BLACK", 1));
        String key = UUID.randomUUID().toString();
        Response first = Shop.checkout(cart, key, Shop.checkoutBody("US", "NY"));
        first.then().statusCode(201);
        Response again = Shop.checkout(cart, key, Shop.checkoutBody("US", "NY"));
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withRequestBody(containing(first.jsonPath().getString("orderId"))))).hasSize(1);

        Shop.checkout(cart, key, Shop.checkoutBody("US", "TX")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("IDEMPOTENCY_KEY_REUSED"));
        Shop.checkout(cart, null, Shop.checkoutBody("US", "NY")).then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("IDEMPOTENCY_KEY_REQUIRED"));
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneOrder() throws Exception {
        String cart = Shop.cart("US", Map.of("MI-IEH-GOLD", 3));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> Shop.checkout(cart, key, Shop.checkoutBody("US", "WA")));
            }
            List<String> orderIds = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.statusCode()).as(r.asString()).isIn(201, 409);
                if (r.statusCode() == 201) {
                    orderIds.add(r.jsonPath().getString("orderId"));
                } else {
                    assertThat(r.jsonPath().getString("code")).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                }
            }
            assertThat(orderIds).isNotEmpty();
            assertThat(orderIds.stream().distinct()).hasSize(1);
            assertThat(StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                    .withRequestBody(containing(orderIds.get(0))))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenStripeIsDownTheOrderWaitsAndARetryWithTheSameKeyFinishesIt() {
        String cart = Shop.cart("US", Map.of("MI-HP-BLACK", 1));
        String key = UUID.randomUUID().toString();
        StripeMock.down();
        Response failed = Shop.checkout(cart, key, Shop.checkoutBody("US", "FL"));
        failed.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("code", org.hamcrest.Matchers.equalTo("PAYMENT_PROVIDER_UNAVAILABLE"));
        List<LoggedRequest> tried = StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
        assertThat(tried).isNotEmpty();
        String stripeKey = tried.get(0).getHeader("Idempotency-Key");

        StripeMock.answerLikeStripe();
        JsonPath retried = Shop.checkout(cart, key, Shop.checkoutBody("US", "FL")).then().statusCode(201)
                .extract().jsonPath();
        assertThat(stripeKey).isEqualTo("storefront-order-" + retried.getString("orderId"));
        LoggedRequest created = lastCreate();
        assertThat(created.getHeader("Idempotency-Key")).as("the retry asks Stripe with the same key").isEqualTo(stripeKey);
        assertThat(Shop.order(retried).getString("payment.paymentIntentId"))
                .isEqualTo(retried.getString("payment.paymentIntentId"));
    }

    @Test
    void whenStripeCannotBeReachedTheLogNamesTheApiBaseInUse() {
        String cart = Shop.cart("US", Map.of("MI-HP-BLACK", 1));
        StripeMock.unreachable();
        List<String> lines;
        try (storefront.LogCapture log = storefront.LogCapture.of("storefront.checkout")) {
            Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("US", "FL")).then().statusCode(503)
                    .body("code", org.hamcrest.Matchers.equalTo("PAYMENT_PROVIDER_UNAVAILABLE"));
            lines = log.records().stream().map(r -> r instanceof org.jboss.logmanager.ExtLogRecord ext
                    ? ext.getFormattedMessage() : r.getMessage()).toList();
        } finally {
            StripeMock.answerLikeStripe();
        }
        String base = StripeMock.server().baseUrl();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Stripe at " + base + " unavailable"));
        assertThat(lines).noneMatch(line -> line.contains("api.stripe.com"));
    }

    @Test
    void aCartFromAnAsianRegionCannotShipAPhoneToTheUs() {
        String cart = Shop.cart("CN", Map.of("MI-NOTE-16GB-WHITE", 1));
        Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("US", "CA")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("SHIPPING_COUNTRY_NOT_IN_REGION"))
                .body("region", org.hamcrest.Matchers.equalTo("CN"))
                .body("servedBy", org.hamcrest.Matchers.equalTo("US"));
        Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("BR", null)).then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("SHIPPING_COUNTRY_NOT_IN_REGION"))
                .body("servedBy", org.hamcrest.Matchers.nullValue());
        // Nothing was stored: the same cart still checks out to China.
        JsonPath ok = Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("CN", null))
                .then().statusCode(201).extract().jsonPath();
        assertThat(ok.getString("orderNumber")).startsWith("CN-");
    }

    @Test
    void aSkuDelistedBetweenCartAndCheckoutIsRefusedWithItsReason() {
        String cart = Shop.cart("US", Map.of("MI-IEHP-SILVER", 1, "MI-PB-20000-WHITE", 1));
        Ops.listed(Ops.ADMIN, "US", "mi-in-ear-headphones-pro", false, "Battery recall").then().statusCode(200);
        try {
            given().get("/api/v1/carts/{id}", cart).then().statusCode(200)
                    .body("purchasable", org.hamcrest.Matchers.equalTo(false))
                    .body("lines.find { it.sku == 'MI-IEHP-SILVER' }.available", org.hamcrest.Matchers.equalTo(false))
                    .body("lines.find { it.sku == 'MI-IEHP-SILVER' }.reasons[0].code",
                            org.hamcrest.Matchers.equalTo("PRODUCT_DELISTED"))
                    .body("totals.subtotal.amountMinor", org.hamcrest.Matchers.equalTo(3999));
            Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("US", "CA")).then().statusCode(422)
                    .body("code", org.hamcrest.Matchers.equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                    .body("items[0].sku", org.hamcrest.Matchers.equalTo("MI-IEHP-SILVER"))
                    .body("items[0].reasons[0].code", org.hamcrest.Matchers.equalTo("PRODUCT_DELISTED"));
        } finally {
            Ops.listed(Ops.ADMIN, "US", "mi-in-ear-headphones-pro", true, "Recall over").then().statusCode(200);
        }
    }

    @Test
    void aSignedInShopperSeesTheirOrdersNewestFirstPageByPage() {
        String customer = "customer-" + UUID.randomUUID();
        String token = Tokens.shopper(customer);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String cart = Shop.cart("US", Map.of("MI-IEH-SILVER", 1));
            placed.add(0, Shop.checkout(given().auth().oauth2(token), cart, UUID.randomUUID().toString(),
                    Shop.checkoutBody("US", "GA")).then().statusCode(201).extract().path("orderId"));
        }
        JsonPath first = given().auth().oauth2(token).queryParam("limit", 2).get("/api/v1/me/orders")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(placed.get(0), placed.get(1));
        JsonPath second = given().auth().oauth2(token).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/me/orders")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id", String.class)).containsExactly(placed.get(2));
        assertThat(second.getString("nextCursor")).isNull();

        // The shopper reads their order with their own token; another shopper cannot.
        given().auth().oauth2(token).get("/api/v1/orders/{id}", placed.get(0)).then().statusCode(200);
        given().auth().oauth2(Tokens.shopper("someone-else")).get("/api/v1/orders/{id}", placed.get(0))
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin("ops")).get("/api/v1/me/orders").then().statusCode(403);
        given().get("/api/v1/me/orders").then().statusCode(401);
        Shop.checkout(given().auth().oauth2("not.a.token"), Shop.cart("US", Map.of("MI-IEH-SILVER", 1)),
                UUID.randomUUID().toString(), Shop.checkoutBody("US", "GA")).then().statusCode(401)
                .body("code", org.hamcrest.Matchers.equalTo("INVALID_TOKEN"));
    }

    @Test
    void badCheckoutInputIsAProblemWithFieldErrors() {
        String cart = Shop.cart("US", Map.of("MI-IEH-SILVER", 1));
        Shop.checkout(cart, UUID.randomUUID().toString(), Map.of("email", "not-an-email",
                        "shippingAddress", Shop.address("US", null)))
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("email"));
        Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("US", null)).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("shippingAddress.state"));
        String empty = Shop.cart("US", Map.of());
        Shop.checkout(empty, UUID.randomUUID().toString(), Shop.checkoutBody("US", "CA")).then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("CART_EMPTY"));
        Shop.checkout(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Shop.checkoutBody("US", "CA"))
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("CART_NOT_FOUND"));
    }

    static LoggedRequest lastCreate() {
        List<LoggedRequest> all = StripeMock.server().findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    /** The form fields of a Stripe request, decoded. */
    static List<String> form(LoggedRequest request) {
        return java.util.Arrays.stream(request.getBodyAsString().split("&"))
                .map(p -> java.net.URLDecoder.decode(p, java.nio.charset.StandardCharsets.UTF_8)).toList();
    }
}
