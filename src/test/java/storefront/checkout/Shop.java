package storefront.checkout;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A shopper's journey as tests drive it: carts, checkout, orders, and Stripe's webhook calls. */
public final class Shop {

    private Shop() {
    }

    public static String cart(String region, Map<String, Integer> items) {
        String id = given().contentType(ContentType.JSON).body(Map.of("region", region)).post("/api/v1/carts")
                .then().statusCode(201).extract().path("id");
        items.forEach((sku, quantity) -> put(id, sku, quantity).then().statusCode(200));
        return id;
    }

    public static Response put(String cart, String sku, int quantity) {
        return given().contentType(ContentType.JSON).body(Map.of("quantity", quantity))
                .put("/api/v1/carts/{id}/items/{sku}", cart, sku);
    }

    public static Map<String, Object> address(String country, String state) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Ada Lovelace");
        address.put("line1", "1 Main Street");
        address.put("city", "Springfield");
        address.put("postalCode", "12345");
        if (state != null) {
            address.put("state", state);
        }
        address.put("country", country);
        return address;
    }

    public static Map<String, Object> checkoutBody(String country, String state) {
        return Map.of("email", "ada@example.com", "shippingAddress", address(country, state));
    }

    public static Response checkout(String cart, String key, Map<String, Object> body) {
        return checkout(given(), cart, key, body);
    }

    public static Response checkout(RequestSpecification request, String cart, String key, Map<String, Object> body) {
        RequestSpecification spec = request.contentType(ContentType.JSON).body(body);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/v1/carts/{id}/checkout", cart);
    }

    /** A checked-out cart: the checkout answer. */
    public static JsonPath placeOrder(String region, Map<String, Integer> items, String country, String state) {
        return checkout(cart(region, items), UUID.randomUUID().toString(), checkoutBody(country, state))
                .then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath order(JsonPath checkout) {
        return given().header("Order-Token", checkout.getString("accessToken"))
                .get("/api/v1/orders/{id}", checkout.getString("orderId")).then().statusCode(200).extract().jsonPath();
    }

    /** The order paid, as Stripe reports it (payment_intent.succeeded, for its total in {@code currency}). */
    public static JsonPath paid(JsonPath order, String currency) {
        webhook(intentEvent("payment_intent.succeeded", order.getString("payment.paymentIntentId"),
                order.getString("orderId"), order.getLong("totals.total.amountMinor"), currency))
                .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("APPLIED"));
        return order;
    }

    /** Delivers a Stripe event, signed as Stripe signs it. */
    public static Response webhook(String payload) {
        return webhookSigned(payload, StripeMock.sign(payload, Instant.now().getEpochSecond(), StripeMock.WEBHOOK_SECRET));
    }

    public static Response webhookSigned(String payload, String signature) {
        RequestSpecification spec = given().contentType("application/json; charset=utf-8").body(payload);
        if (signature != null) {
            spec = spec.header("Stripe-Signature", signature);
        }
        return spec.post("/api/v1/webhooks/stripe");
    }

    /** An event about a PaymentIntent. */
    public static String intentEvent(String type, String intentId, String orderId, long amount, String currency) {
        return """
                {"id": "evt_%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false,
                 "type": "%s",
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d,
                   "currency": "%s", "status": "x", "metadata": {"order_id": "%s"},
                   "last_payment_error": {"code": "card_declined", "decline_code": "insufficient_funds",
                                          "message": "Your card has insufficient funds."}}}}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), Instant.now().getEpochSecond(), type,
                        intentId, amount, type.endsWith("succeeded") ? amount : 0, currency, orderId);
    }

    /** charge.refunded for a PaymentIntent's charge. */
    public static String refundEvent(String intentId, long captured, long refunded, String currency) {
        return """
                {"id": "evt_%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false,
                 "type": "charge.refunded",
                 "data": {"object": {"id": "ch_%s", "object": "charge", "payment_intent": "%s", "amount": %d,
                   "amount_captured": %d, "amount_refunded": %d, "currency": "%s", "refunded": %s}}}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), Instant.now().getEpochSecond(),
                        UUID.randomUUID().toString().replace("-", ""), intentId, captured, captured, refunded, currency,
                        refunded == captured);
    }
}
