package storefront.aftersale;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.checkout.Shop;
import storefront.checkout.StripeMock;
import storefront.inventory.TestSkus;
import storefront.ops.Ops;

/**
 * An order after payment: fulfilments packed, shipped in parts, delivered;
 * pickups made ready and handed over by the store's staff against the code;
 * cancellation with its refund and the stock back, until the first unit leaves.
 */
@QuarkusTest
class AfterPaymentTest {

    private static final String FULFILMENT = "/api/v1/admin/orders/{id}/fulfilments/{n}/";

    @Inject
    Pool pool;

    @Test
    void aShipmentIsPackedShippedInPartsAndDeliveredEachStepAnnouncedOnce() {
        String a = TestSkus.create(pool, "US", 2500, 5);
        String b = TestSkus.create(pool, "US", 1000, 5);
        JsonPath placed = Shop.paid(Shop.placeOrder("US", Map.of(a, 2, b, 1), "US", "CA"), "usd");
        String id = placed.getString("orderId");
        String number = Shop.order(placed).getString("number");
        assertThat(TestSkus.located(pool, a)).containsExactly("wh-us 5/2");

        move(Ops.ADMIN, id, 1, "pack", Map.of()).then().statusCode(200)
                .body("fulfilments[0].status", equalTo("PACKED")).body("fulfilment", equalTo("PROCESSING"));
        // Packing again changes nothing and announces nothing.
        move(Ops.ADMIN, id, 1, "pack", Map.of()).then().statusCode(200);
        // One of the two units of A ships: the rest stays behind as fulfilment 2, still packed.
        Map<String, Object> parcel = Map.of("carrier", "UPS", "trackingNumber", "1Z999", "trackingUrl",
                "https://www.ups.com/track?tracknum=1Z999", "lines", List.of(Map.of("sku", a, "quantity", 1)));
        JsonPath shipped = move(Ops.ADMIN, id, 1, "ship", parcel).then().statusCode(200).extract().jsonPath();
        assertThat(shipped.getList("fulfilments.status")).containsExactly("SHIPPED", "PACKED");
        assertThat(shipped.getList("fulfilments[0].lines.sku")).containsExactly(a);
        assertThat(shipped.getList("fulfilments[1].lines.quantity")).containsExactlyInAnyOrder(1, 1);
        assertThat(shipped.getString("fulfilments[0].trackingNumber")).isEqualTo("1Z999");
        assertThat(shipped.getString("fulfilment")).isEqualTo("PARTIALLY_SENT");
        // The shipped unit left the warehouse's books; the region's free stock did not move.
        assertThat(TestSkus.located(pool, a)).containsExactly("wh-us 4/1");
        assertThat(TestSkus.stock(pool, a, "US")).containsExactly(3, 0);
        // The same shipment again is harmless; other tracking for it is refused.
        move(Ops.ADMIN, id, 1, "ship", parcel).then().statusCode(200);
        move(Ops.ADMIN, id, 1, "ship", Map.of("carrier", "DHL", "trackingNumber", "X1")).then().statusCode(409)
                .body("code", equalTo("FULFILMENT_TRANSITION_REFUSED")).body("fulfilmentStatus", equalTo("SHIPPED"));
        // A pickup step on a shipment, delivering what has not shipped, a number that is not there: refused.
        move(Ops.ADMIN, id, 2, "ready-for-pickup", Map.of()).then().statusCode(409)
                .body("code", equalTo("FULFILMENT_TRANSITION_REFUSED"));
        move(Ops.ADMIN, id, 2, "deliver", Map.of()).then().statusCode(409);
        move(Ops.ADMIN, id, 7, "pack", Map.of()).then().statusCode(404).body("code", equalTo("FULFILMENT_NOT_FOUND"));
        move(Ops.ADMIN, id, 2, "ship", Map.of("carrier", "UPS", "trackingNumber", "1Z998",
                "lines", List.of(Map.of("sku", "NOPE", "quantity", 1)))).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));

        move(Ops.ADMIN, id, 2, "ship", Map.of("carrier", "UPS", "trackingNumber", "1Z998")).then().statusCode(200)
                .body("fulfilment", equalTo("SENT"));
        move(Ops.ADMIN, id, 1, "deliver", Map.of()).then().statusCode(200).body("fulfilment",
                equalTo("PARTIALLY_DELIVERED"));
        JsonPath delivered = move(Ops.ADMIN, id, 2, "deliver", Map.of("note", "carrier scan"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(delivered.getString("fulfilment")).isEqualTo("DELIVERED");
        assertThat(delivered.getString("fulfilments[1].deliveredAt")).isNotNull();
        assertThat(TestSkus.located(pool, a)).containsExactly("wh-us 3/0");
        assertThat(TestSkus.located(pool, b)).containsExactly("wh-us 4/0");

        assertThat(events(number)).containsExactly("storefront.fulfilment.allocated",
                "storefront.fulfilment.packed", "storefront.fulfilment.split", "storefront.fulfilment.shipped",
                "storefront.fulfilment.shipped", "storefront.fulfilment.delivered", "storefront.fulfilment.delivered");
        assertThat(Ops.audited(pool, "order:" + number + "/fulfilment:%")).containsExactly("FULFILMENT_PACK", "FULFILMENT_SHIP",
                "FULFILMENT_SHIP", "FULFILMENT_DELIVER", "FULFILMENT_DELIVER");
    }

    @Test
    void storeStaffHandleThePickupsOfTheirStoresAndNothingElse() {
        String sku = TestSkus.create(pool, "US", 5000, 5);
        JsonPath placed = Shop.paid(Shop.checkout(Shop.cart("US", Map.of(sku, 1)), UUID.randomUUID().toString(),
                Map.of("email", "ada@example.com", "pickupStore", "us-sf-0001")).then().statusCode(201)
                .extract().jsonPath(), "usd");
        String id = placed.getString("orderId");
        JsonPath order = Shop.order(placed);
        String code = order.getString("pickup.code");
        assertThat(order.getString("fulfilments[0].kind")).isEqualTo("PICKUP");
        String staff = Tokens.store("sf-staff", "us-sf-0001");
        String elsewhere = Tokens.store("ny-staff", "us-ny-0001");

        move(elsewhere, id, 1, "ready-for-pickup", Map.of()).then().statusCode(403)
                .body("code", equalTo("STORE_NOT_IN_SCOPE"));
        move(staff, id, 1, "ship", Map.of("carrier", "UPS", "trackingNumber", "1")).then().statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        move(Ops.ADMIN, id, 1, "ship", Map.of("carrier", "UPS", "trackingNumber", "1")).then().statusCode(409)
                .body("code", equalTo("FULFILMENT_TRANSITION_REFUSED"));
        // Collecting before it is ready is refused; so is the wrong code, and nothing changes.
        move(staff, id, 1, "collect", Map.of("pickupCode", code)).then().statusCode(409);
        move(staff, id, 1, "ready-for-pickup", Map.of()).then().statusCode(200)
                .body("fulfilments[0].status", equalTo("READY_FOR_PICKUP")).body("fulfilment", equalTo("SENT"));
        move(staff, id, 1, "collect", Map.of("pickupCode", "WRONG123")).then().statusCode(422)
                .body("code", equalTo("PICKUP_CODE_MISMATCH"));
        move(elsewhere, id, 1, "collect", Map.of("pickupCode", code)).then().statusCode(403);
        // The code as the shopper reads it out, in lower case: handed over.
        move(staff, id, 1, "collect", Map.of("pickupCode", code.toLowerCase())).then().statusCode(200)
                .body("fulfilments[0].status", equalTo("COLLECTED")).body("fulfilment", equalTo("DELIVERED"));
        assertThat(Ops.audited(pool, "order:" + order.getString("number") + "/fulfilment:1"))
                .containsExactly("FULFILMENT_READY", "FULFILMENT_COLLECT");
        assertThat(actors("order:" + order.getString("number") + "/fulfilment:1")).containsOnly("sf-staff store");

        // The store's queue shows its pickups; another store's staff cannot read it.
        given().auth().oauth2(staff).queryParam("store", "us-sf-0001").queryParam("status", "collected")
                .get("/api/v1/admin/fulfilments").then().statusCode(200)
                .body("items.find { it.orderId == '" + id + "' }.status", equalTo("COLLECTED"))
                .body("items.find { it.orderId == '" + id + "' }.pickupStore", equalTo("us-sf-0001"));
        given().auth().oauth2(elsewhere).queryParam("store", "us-sf-0001").get("/api/v1/admin/fulfilments")
                .then().statusCode(403).body("code", equalTo("STORE_NOT_IN_SCOPE"));
        given().auth().oauth2(staff).get("/api/v1/admin/fulfilments").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("store"));

        // A shipment is none of a store's business.
        JsonPath shipment = Shop.paid(Shop.placeOrder("US", Map.of(sku, 1), "US", "CA"), "usd");
        move(staff, shipment.getString("orderId"), 1, "pack", Map.of()).then().statusCode(403)
                .body("code", equalTo("STORE_NOT_IN_SCOPE"));
        // Nor is a shipment collected: the step is refused before any code is looked at.
        move(Ops.ADMIN, shipment.getString("orderId"), 1, "collect", Map.of("pickupCode", "ABCDEFGH")).then()
                .statusCode(409).body("code", equalTo("FULFILMENT_TRANSITION_REFUSED"));
        // Nor is cancelling, or reading orders.
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/admin/orders/{id}/cancellation", id).then().statusCode(403);
    }

    @Test
    void aWarehouseWorksItsQueueOldestFirstAPageAtATime() {
        String sku = TestSkus.create(pool, "US", 2500, 0);
        TestSkus.stockAt(pool, "wh-us-east", sku, 3);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(Shop.paid(Shop.placeOrder("US", Map.of(sku, 1), "US", "NJ"), "usd").getString("orderId"));
        }
        move(Ops.ADMIN, orders.get(1), 1, "pack", Map.of()).then().statusCode(200);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Tokens.auditor("aud")).queryParam("location", "wh-us-east")
                    .queryParam("status", "ALLOCATED").queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/admin/fulfilments").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.orderId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsSubsequence(orders.get(0), orders.get(2)).doesNotContain(orders.get(1));
        given().auth().oauth2(Ops.ADMIN).queryParam("status", "LOST").get("/api/v1/admin/fulfilments").then()
                .statusCode(400);
        given().auth().oauth2(Ops.ADMIN).queryParam("cursor", "nope").get("/api/v1/admin/fulfilments").then()
                .statusCode(400);
    }

    @Test
    void theShopperCancelsUntilTheFirstUnitLeavesAndGetsWhatIsLeftOfThePaymentBack() {
        String sku = TestSkus.create(pool, "US", 2500, 4);
        JsonPath placed = Shop.paid(Shop.placeOrder("US", Map.of(sku, 2), "US", "CA"), "usd");
        String id = placed.getString("orderId");
        long total = placed.getLong("totals.total.amountMinor");
        String intent = placed.getString("payment.paymentIntentId");
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(2, 0);
        // Ops gave 500 back already, as a goodwill gesture.
        given().auth().oauth2(Ops.ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 500, "reason", "goodwill"))
                .post("/api/v1/admin/orders/{id}/refunds", id).then().statusCode(201);
        move(Ops.ADMIN, id, 1, "pack", Map.of()).then().statusCode(200);

        JsonPath cancelled = cancelAsShopper(placed, Map.of("reason", "ordered twice")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(cancelled.getString("fulfilment")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("cancellation.by")).isEqualTo("SHOPPER");
        assertThat(cancelled.getString("cancellation.reason")).isEqualTo("ordered twice");
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(4, 0);
        assertThat(TestSkus.located(pool, sku)).containsExactly("wh-us 4/0");
        // The refund of the rest went to Stripe, once; together they never exceed the payment.
        assertThat(StripeMock.refundsAsked(intent)).containsExactly(500L, total - 500);
        cancelAsShopper(placed, Map.of()).then().statusCode(200);
        assertThat(StripeMock.refundsAsked(intent)).hasSize(2);
        given().auth().oauth2(Ops.ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 1, "reason", "more"))
                .post("/api/v1/admin/orders/{id}/refunds", id).then().statusCode(422)
                .body("code", equalTo("REFUND_EXCEEDS_PAYMENT")).body("refundableMinor", equalTo(0));
        // Stripe confirms: the order is refunded.
        Shop.webhook(Shop.refundEvent(intent, total, total, "usd")).then().statusCode(200);
        assertThat(Shop.order(placed).getString("status")).isEqualTo("REFUNDED");
        assertThat(events(Shop.order(placed).getString("number"))).contains("storefront.fulfilment.cancelled",
                "storefront.order.cancelled");
        // An ops token is not a shopper's: this door is the shopper's own.
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/orders/{id}/cancellation", id).then().statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        given().auth().oauth2(Ops.ADMIN).get("/api/v1/orders/{id}", id).then().statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        // Without the order's credentials, nothing is cancelled: 404, as for reading it.
        given().contentType(ContentType.JSON).body(Map.of()).header("Order-Token", "nope")
                .post("/api/v1/orders/{id}/cancellation", id).then().statusCode(404);
    }

    @Test
    void onceAUnitHasShippedNeitherShopperNorOpsCanCancel() {
        String sku = TestSkus.create(pool, "US", 2500, 4);
        String eastOnly = TestSkus.create(pool, "US", 2500, 0);
        TestSkus.stockAt(pool, "wh-us-east", eastOnly, 2);
        // Split across two warehouses; one ships.
        JsonPath placed = Shop.paid(Shop.placeOrder("US", Map.of(sku, 1, eastOnly, 1), "US", "CA"), "usd");
        String id = placed.getString("orderId");
        move(Ops.ADMIN, id, 1, "ship", Map.of("carrier", "UPS", "trackingNumber", "1Z1")).then().statusCode(200);
        cancelAsShopper(placed, Map.of()).then().statusCode(409).body("code", equalTo("ORDER_NOT_CANCELLABLE"))
                .body("progress", equalTo("PARTIALLY_SENT"));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "fraud check"))
                .post("/api/v1/admin/orders/{id}/cancellation", id).then().statusCode(409)
                .body("code", equalTo("ORDER_NOT_CANCELLABLE"));
        assertThat(StripeMock.refundsAsked(placed.getString("payment.paymentIntentId"))).isEmpty();

        // Ops cancel another order before it leaves: audited with the reason; ops of another region may not.
        JsonPath other = Shop.paid(Shop.placeOrder("US", Map.of(sku, 1), "US", "CA"), "usd");
        given().auth().oauth2(Tokens.ops("eu-lead", "EU")).contentType(ContentType.JSON)
                .body(Map.of("reason", "fraud check")).post("/api/v1/admin/orders/{id}/cancellation",
                        other.getString("orderId")).then().statusCode(403).body("code", equalTo("REGION_NOT_IN_SCOPE"));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "fraud check"))
                .post("/api/v1/admin/orders/{id}/cancellation", other.getString("orderId")).then().statusCode(200)
                .body("cancellation.by", equalTo("OPS")).body("cancellation.reason", equalTo("fraud check"));
        assertThat(Ops.audited(pool, Shop.order(other).getString("number"))).containsExactly("CANCEL_ORDER");
        // An unpaid order is not cancelled: it expires.
        JsonPath unpaid = Shop.placeOrder("US", Map.of(sku, 1), "US", "CA");
        cancelAsShopper(unpaid, Map.of()).then().statusCode(409).body("progress", equalTo("NONE"));
    }

    private static Response move(String token, String id, int n, String step, Map<String, ?> body) {
        return given().log().ifValidationFails().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(FULFILMENT + step, id, n);
    }

    private static Response cancelAsShopper(JsonPath placed, Map<String, ?> body) {
        return given().header("Order-Token", placed.getString("accessToken")).contentType(ContentType.JSON)
                .body(body).post("/api/v1/orders/{id}/cancellation", placed.getString("orderId"));
    }

    private List<String> events(String number) {
        List<String> types = new ArrayList<>();
        pool.preparedQuery("select type from outbox_event where subject = $1 and type like 'storefront.fulfilment.%' "
                        + "or subject = $1 and type = 'storefront.order.cancelled' order by seq")
                .execute(Tuple.of("order/" + number)).await().indefinitely().forEach(r -> types.add(r.getString(0)));
        return types;
    }

    private List<String> actors(String target) {
        List<String> actors = new ArrayList<>();
        pool.preparedQuery("select actor || ' ' || role from audit_entry where target = $1 order by id")
                .execute(Tuple.of(target)).await().indefinitely().forEach(r -> actors.add(r.getString(0)));
        return actors;
    }
}
