package storefront.aftersale;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
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
 * Returns: asked for within the region's window after the last delivery,
 * received at a location, refunded by the rule (delivery too when the whole
 * order comes back) with units restocked or written off, or refused; store
 * staff handle those handed in at their stores. Every step once.
 */
@QuarkusTest
class ReturnsTest {

    @Inject
    Pool pool;

    @Test
    void anEuShopperReturnsInTwoPartsAndTheSecondGivesTheDeliveryBackToo() {
        String a = TestSkus.create(pool, "EU", 2999, 5);
        String b = TestSkus.create(pool, "EU", 1000, 5);
        JsonPath placed = delivered(Shop.placeOrder("EU", Map.of(a, 2, b, 1), "DE", null), "eur");
        String id = placed.getString("orderId");
        long total = placed.getLong("totals.total.amountMinor");
        String intent = placed.getString("payment.paymentIntentId");
        JsonPath order = Shop.order(placed);
        assertThat(order.getString("returnBy")).isNotNull();
        assertThat(TestSkus.located(pool, a)).containsExactly("wh-eu 3/0");

        String key = UUID.randomUUID().toString();
        JsonPath first = ask(placed, key, Map.of(a, 1), "too small").then().statusCode(201)
                .body("status", equalTo("REQUESTED")).body("number", equalTo(1)).extract().jsonPath();
        // The same request again: the same return, replayed.
        ask(placed, key, Map.of(a, 1), "too small").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.getString("id")));
        // More than was delivered and not asked back yet, a SKU not in the order, no key: refused.
        ask(placed, UUID.randomUUID().toString(), Map.of(a, 2), "x").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        ask(placed, UUID.randomUUID().toString(), Map.of("NOPE", 1), "x").then().statusCode(400);
        ask(placed, null, Map.of(a, 1), "x").then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));

        String returnId = first.getString("id");
        staff(Ops.ADMIN, returnId, "receipt", Map.of("location", "wh-us")).then().statusCode(400);
        staff(Ops.ADMIN, returnId, "refund", Map.of("reason", "early")).then().statusCode(409)
                .body("code", equalTo("RETURN_TRANSITION_REFUSED")).body("returnStatus", equalTo("REQUESTED"));
        staff(Ops.ADMIN, returnId, "receipt", Map.of("location", "wh-eu")).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("location", equalTo("wh-eu"));
        staff(Ops.ADMIN, returnId, "receipt", Map.of("location", "wh-eu")).then().statusCode(200);
        // More than the rule gives (one unit's price) is an ops refund, not a return's.
        staff(Ops.ADMIN, returnId, "refund", Map.of("refundMinor", 3000, "reason", "ok")).then().statusCode(400);
        staff(Ops.ADMIN, returnId, "refund", Map.of("reason", "as new")).then().statusCode(200)
                .body("status", equalTo("REFUNDED")).body("refund.amountMinor", equalTo(2999))
                .body("lines[0].restocked", equalTo(1)).body("lines[0].writtenOff", equalTo(0));
        staff(Ops.ADMIN, returnId, "refund", Map.of("reason", "again")).then().statusCode(200);
        staff(Ops.ADMIN, returnId, "refusal", Map.of("reason", "late")).then().statusCode(409);
        assertThat(TestSkus.located(pool, a)).containsExactly("wh-eu 4/0");
        assertThat(TestSkus.stock(pool, a, "EU")).containsExactly(4, 0);
        assertThat(StripeMock.refundsAsked(intent)).containsExactly(2999L);

        // Ops give 1000 back as a goodwill gesture.
        given().auth().oauth2(Ops.ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 1000, "reason", "goodwill"))
                .post("/api/v1/admin/orders/{id}/refunds", id).then().statusCode(201);

        // The rest comes back, one unit damaged: written off; the refund is everything left, delivery included,
        // less what was given back already: together, exactly what was paid.
        String second = ask(placed, UUID.randomUUID().toString(), Map.of(a, 1, b, 1), "changed my mind").then()
                .statusCode(201).extract().path("id");
        staff(Ops.ADMIN, second, "receipt", Map.of("location", "wh-eu")).then().statusCode(200);
        staff(Ops.ADMIN, second, "refund", Map.of("reason", "b damaged", "lines", List.of(
                Map.of("sku", a, "restock", 1, "writeOff", 0), Map.of("sku", b, "restock", 0, "writeOff", 1))))
                .then().statusCode(200).body("refund.amountMinor", equalTo((int) (total - 2999 - 1000)));
        assertThat(StripeMock.refundsAsked(intent)).containsExactly(2999L, 1000L, total - 3999);
        given().auth().oauth2(Ops.ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amountMinor", 1, "reason", "more"))
                .post("/api/v1/admin/orders/{id}/refunds", id).then().statusCode(422)
                .body("refundableMinor", equalTo(0));
        assertThat(TestSkus.located(pool, a)).containsExactly("wh-eu 5/0");
        assertThat(TestSkus.located(pool, b)).containsExactly("wh-eu 4/0");
        // Nothing is left to return.
        ask(placed, UUID.randomUUID().toString(), Map.of(a, 1), "x").then().statusCode(409)
                .body("code", equalTo("NOTHING_TO_RETURN"));

        String number = order.getString("number");
        assertThat(returnEvents(number)).containsExactly("storefront.return.requested", "storefront.return.received",
                "storefront.return.refunded", "storefront.return.requested", "storefront.return.received",
                "storefront.return.refunded");
        assertThat(Ops.audited(pool, "order:" + number + "/return:%")).containsExactly("RETURN_RECEIVE", "RETURN_REFUND",
                "RETURN_RECEIVE", "RETURN_REFUND");
        assertThat(Shop.order(placed).getList("returns.status")).containsExactly("REFUNDED", "REFUNDED");

        // The shopper's story of it, in German: the EU region's locale that best answers de-AT.
        JsonPath timeline = given().header("Order-Token", placed.getString("accessToken"))
                .header("Accept-Language", "de-AT, en;q=0.5").get("/api/v1/orders/{id}/timeline", id)
                .then().statusCode(200).header("Content-Language", "de").extract().jsonPath();
        assertThat(timeline.getString("locale")).isEqualTo("de");
        assertThat(timeline.getList("entries.code")).containsExactly("PLACED", "PAID", "SHIPPED", "DELIVERED",
                "RETURN_REQUESTED", "RETURN_RECEIVED", "RETURN_REFUNDED", "REFUND_ISSUED", "REFUND_ISSUED",
                "RETURN_REQUESTED", "RETURN_RECEIVED", "RETURN_REFUNDED", "REFUND_ISSUED");
        assertThat(timeline.getList("entries.text")).contains("Bestellung aufgegeben",
                "Paket 1 mit DHL versandt (Sendungsnummer JD01)", "Rücksendung 2 erstattet",
                "Erstattung von 29,99\u00a0€ veranlasst");
        // A language the region does not offer: its default (English); without credentials: nothing.
        given().header("Order-Token", placed.getString("accessToken")).header("Accept-Language", "ja")
                .get("/api/v1/orders/{id}/timeline", id).then().statusCode(200)
                .body("entries[0].text", equalTo("Order placed"));
        given().header("Order-Token", "nope").get("/api/v1/orders/{id}/timeline", id).then().statusCode(404);
    }

    @Test
    void theWindowIsTheRegionsAfterTheLastDelivery() {
        String eu = TestSkus.create(pool, "EU", 2999, 5);
        JsonPath late = delivered(Shop.placeOrder("EU", Map.of(eu, 1), "DE", null), "eur");
        backdateDelivery(late.getString("orderId"), 15);
        ask(late, UUID.randomUUID().toString(), Map.of(eu, 1), "x").then().statusCode(409)
                .body("code", equalTo("RETURN_WINDOW_CLOSED")).body("returnBy", notNullValue());
        JsonPath inTime = delivered(Shop.placeOrder("EU", Map.of(eu, 1), "DE", null), "eur");
        backdateDelivery(inTime.getString("orderId"), 13);
        ask(inTime, UUID.randomUUID().toString(), Map.of(eu, 1), "x").then().statusCode(201);
        // The US region keeps the default 30 days.
        String us = TestSkus.create(pool, "US", 2500, 5);
        JsonPath usOrder = delivered(Shop.placeOrder("US", Map.of(us, 1), "US", "CA"), "usd");
        backdateDelivery(usOrder.getString("orderId"), 15);
        ask(usOrder, UUID.randomUUID().toString(), Map.of(us, 1), "x").then().statusCode(201);
        // Nothing delivered yet: nothing to return.
        JsonPath undelivered = Shop.placeOrder("US", Map.of(us, 1), "US", "CA");
        ask(undelivered, UUID.randomUUID().toString(), Map.of(us, 1), "x").then().statusCode(409)
                .body("code", equalTo("NOTHING_TO_RETURN"));
    }

    @Test
    void storeStaffHandleReturnsHandedInAtTheirStoreAndMayRefuseThem() {
        String sku = TestSkus.create(pool, "EU", 2999, 5);
        JsonPath placed = delivered(Shop.placeOrder("EU", Map.of(sku, 2), "DE", null), "eur");
        String returnId = ask(placed, UUID.randomUUID().toString(), Map.of(sku, 1), "broken strap").then()
                .statusCode(201).extract().path("id");
        String berlin = Tokens.store("be-staff", "de-be-0001");
        String paris = Tokens.store("pa-staff", "fr-pa-0001");
        // Staff of one store cannot receive it for another; they can at theirs.
        staff(paris, returnId, "receipt", Map.of("location", "de-be-0001")).then().statusCode(403)
                .body("code", equalTo("STORE_NOT_IN_SCOPE"));
        staff(berlin, returnId, "receipt", Map.of("location", "de-be-0001")).then().statusCode(200);
        staff(paris, returnId, "refusal", Map.of("reason", "no")).then().statusCode(403);
        given().auth().oauth2(paris).get("/api/v1/admin/returns/{id}", returnId).then().statusCode(403);
        given().auth().oauth2(berlin).get("/api/v1/admin/returns/{id}", returnId).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        staff(berlin, returnId, "refusal", Map.of("reason", "Strap cut by the wearer, not a defect")).then()
                .statusCode(200).body("status", equalTo("REFUSED"))
                .body("refusal", equalTo("Strap cut by the wearer, not a defect"));
        staff(berlin, returnId, "refund", Map.of("reason", "x")).then().statusCode(409)
                .body("returnStatus", equalTo("REFUSED"));
        assertThat(StripeMock.refundsAsked(placed.getString("payment.paymentIntentId"))).isEmpty();
        // A refused return's units may be asked back again.
        ask(placed, UUID.randomUUID().toString(), Map.of(sku, 2), "both, then").then().statusCode(201);
        // Ops of another region: not theirs.
        staff(Tokens.ops("us-lead", "US"), returnId, "refusal", Map.of("reason", "x")).then().statusCode(403)
                .body("code", equalTo("REGION_NOT_IN_SCOPE"));
        given().auth().oauth2(Ops.ADMIN).get("/api/v1/admin/returns/{id}", "nope").then().statusCode(404)
                .body("code", equalTo("RETURN_NOT_FOUND"));
    }

    @Test
    void opsSetARegionsWindowUnderIfMatchAndItHoldsForTheNextRequest() {
        String path = "/api/v1/admin/regions/{region}/return-window";
        String etag = given().auth().oauth2(Ops.ADMIN).get(path, "IN").then().statusCode(200)
                .body("days", equalTo(30)).extract().header("ETag");
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(Map.of("days", 0, "reason", "x"))
                .put(path, "IN").then().statusCode(428);
        given().auth().oauth2(Tokens.ops("us-lead", "US")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("days", 0, "reason", "x")).put(path, "IN").then().statusCode(403);
        given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("days", 400, "reason", "x")).put(path, "IN").then().statusCode(400);
        String zero = given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("days", 0, "reason", "Final sale during the festival")).put(path, "IN").then()
                .statusCode(200).body("days", equalTo(0)).extract().header("ETag");
        try {
            given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("days", 5, "reason", "x")).put(path, "IN").then().statusCode(412);
            storefront.Await.until("the region shows the new window", () -> Integer.valueOf(0).equals(
                    given().get("/api/v1/regions/IN").then().extract().path("returnDays")));
            String sku = TestSkus.create(pool, "IN", 99900, 5);
            JsonPath order = delivered(Shop.placeOrder("IN", Map.of(sku, 1), "IN", null), "inr");
            ask(order, UUID.randomUUID().toString(), Map.of(sku, 1), "x").then().statusCode(409)
                    .body("code", equalTo("RETURN_WINDOW_CLOSED"));
            assertThat(Ops.audited(pool, "region:IN/return-window")).containsExactly("SET_RETURN_WINDOW");
        } finally {
            given().auth().oauth2(Ops.ADMIN).header("If-Match", zero).contentType(ContentType.JSON)
                    .body(Map.of("days", 30, "reason", "festival over")).put(path, "IN").then().statusCode(200);
        }
    }

    /** Placed, paid, shipped and delivered. */
    private JsonPath delivered(JsonPath order, String currency) {
        Shop.paid(order, currency);
        String path = "/api/v1/admin/orders/{id}/fulfilments/{n}/";
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("carrier", "DHL", "trackingNumber", "JD01")).post(path + "ship", order.getString("orderId"), 1)
                .then().statusCode(200);
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(Map.of())
                .post(path + "deliver", order.getString("orderId"), 1).then().statusCode(200);
        return order;
    }

    private void backdateDelivery(String orderId, int days) {
        pool.preparedQuery("update fulfilment set delivered_at = now() - make_interval(days => $2) where order_id = $1")
                .execute(Tuple.of(UUID.fromString(orderId), days)).await().indefinitely();
    }

    private static Response ask(JsonPath placed, String key, Map<String, Integer> units, String reason) {
        List<Map<String, Object>> lines = new ArrayList<>();
        units.forEach((sku, q) -> lines.add(Map.of("sku", sku, "quantity", q)));
        var spec = given().header("Order-Token", placed.getString("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("lines", lines, "reason", reason));
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/v1/orders/{id}/returns", placed.getString("orderId"));
    }

    private static Response staff(String token, String returnId, String step, Map<String, ?> body) {
        return given().log().ifValidationFails().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/returns/{id}/" + step, returnId);
    }

    private List<String> returnEvents(String number) {
        List<String> types = new ArrayList<>();
        pool.preparedQuery("select type from outbox_event where subject = $1 and type like 'storefront.return.%' "
                        + "order by seq").execute(Tuple.of("order/" + number)).await().indefinitely()
                .forEach(r -> types.add(r.getString(0)));
        return types;
    }
}
