package storefront.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.inventory.TestSkus;

/**
 * Delivery methods: the directory lists what ships where, checkout prices the
 * method chosen (free above its threshold, taxed with the goods), the order
 * keeps it, and a method that does not ship to the address refuses the
 * checkout with nothing held.
 */
@QuarkusTest
class DeliveryMethodsTest {

    @Inject
    Pool pool;

    @Test
    void theDirectoryListsWhatShipsWhere() {
        given().get("/api/v1/regions/us/delivery-methods").then().statusCode(200)
                .body("region", equalTo("US")).body("items.code", contains("STANDARD", "EXPRESS"))
                .body("items[1].price.amountMinor", equalTo(1499)).body("items[1].freeAbove.amountMinor", equalTo(15000))
                .body("items[0].freeAbove", equalTo(null)).body("items[1].minDays", equalTo(1));
        given().queryParam("country", "us").queryParam("state", "ca").get("/api/v1/regions/US/delivery-methods")
                .then().statusCode(200).body("items.code", contains("STANDARD", "EXPRESS"));
        given().queryParam("country", "US").queryParam("state", "OR").get("/api/v1/regions/US/delivery-methods")
                .then().statusCode(200).body("items.code", contains("STANDARD"));
        given().queryParam("country", "IT").get("/api/v1/regions/EU/delivery-methods")
                .then().statusCode(200).body("items.code", contains("STANDARD"));
        given().queryParam("country", "DE").get("/api/v1/regions/US/delivery-methods")
                .then().statusCode(422).body("code", equalTo("SHIPPING_COUNTRY_NOT_IN_REGION"))
                .body("servedBy", equalTo("EU"));
        given().queryParam("country", "D1").queryParam("state", "C-A").get("/api/v1/regions/US/delivery-methods")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("country", "state"));
        given().queryParam("state", "CA").get("/api/v1/regions/US/delivery-methods")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().get("/api/v1/regions/XX/delivery-methods").then().statusCode(404)
                .body("code", equalTo("REGION_NOT_FOUND"));
    }

    @Test
    void checkoutPricesTheMethodChosenAndTheOrderKeepsIt() {
        String sku = TestSkus.create(pool, "US", 5000, 10);
        JsonPath express = Shop.checkout(Shop.cart("US", Map.of(sku, 1)), UUID.randomUUID().toString(),
                body("US", "CA", "express")).then().statusCode(201).extract().jsonPath();
        // US sales tax (7.25% in CA) on goods and delivery: 5000 + 1499 = 6499, tax 471.
        assertThat(express.getLong("totals.subtotal.amountMinor")).isEqualTo(5000);
        assertThat(express.getLong("totals.shipping.amountMinor")).isEqualTo(1499);
        assertThat(express.getLong("totals.tax.amountMinor")).isEqualTo(471);
        assertThat(express.getLong("totals.total.amountMinor")).isEqualTo(6970);
        JsonPath order = Shop.order(express);
        assertThat(order.getString("delivery.method")).isEqualTo("EXPRESS");
        assertThat(order.getString("delivery.name")).isEqualTo("Express delivery");
        assertThat(order.getInt("delivery.maxDays")).isEqualTo(2);
        assertThat(order.getLong("totals.shipping.amountMinor")).isEqualTo(1499);

        // Free above its threshold: three at 5000 are 15000.
        JsonPath free = Shop.checkout(Shop.cart("US", Map.of(sku, 3)), UUID.randomUUID().toString(),
                body("US", "NY", "EXPRESS")).then().statusCode(201).extract().jsonPath();
        assertThat(free.getLong("totals.shipping.amountMinor")).isZero();

        // None asked for: the first the region offers there, its flat standard fee.
        JsonPath standard = Shop.checkout(Shop.cart("US", Map.of(sku, 1)), UUID.randomUUID().toString(),
                body("US", "OR", null)).then().statusCode(201).extract().jsonPath();
        assertThat(standard.getLong("totals.shipping.amountMinor")).isEqualTo(599);
        assertThat(Shop.order(standard).getString("delivery.method")).isEqualTo("STANDARD");
    }

    @Test
    void aMethodThatDoesNotShipThereRefusesTheCheckoutWithNothingHeld() {
        String sku = TestSkus.create(pool, "US", 5000, 4);
        String cart = Shop.cart("US", Map.of(sku, 2));
        Shop.checkout(cart, UUID.randomUUID().toString(), body("US", "OR", "EXPRESS")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("DELIVERY_METHOD_UNAVAILABLE")).body("available", contains("STANDARD"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        Shop.checkout(cart, UUID.randomUUID().toString(), body("US", "CA", "DRONE")).then().statusCode(422)
                .body("code", equalTo("DELIVERY_METHOD_UNAVAILABLE")).body("available", contains("STANDARD", "EXPRESS"));
        Shop.checkout(cart, UUID.randomUUID().toString(), body("US", "CA", "x".repeat(33))).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        Shop.checkout(cart, UUID.randomUUID().toString(), body("US", "CA", 7)).then().statusCode(400);
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(4, 0);
        // The same cart still checks out by a method that ships there.
        Shop.checkout(cart, UUID.randomUUID().toString(), body("US", "CA", "EXPRESS")).then().statusCode(201);
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(4, 2);
    }

    @Test
    void opsMaintainAMethodAndCheckoutOffersItAtOnce() {
        String admin = storefront.Tokens.admin("delivery-admin");
        String path = "/api/v1/admin/regions/{r}/delivery-methods/{c}";
        Map<String, Object> sameDay = new HashMap<>(Map.of("name", "Same-day courier", "priceMinor", 990,
                "minDays", 0, "maxDays", 0, "countries", java.util.List.of("nl"), "position", 2,
                "reason", "Amsterdam pilot"));
        String etag = given().auth().oauth2(admin).contentType("application/json").body(sameDay)
                .put(path, "eu", "same_day").then().statusCode(201)
                .body("code", equalTo("SAME_DAY")).body("countries", contains("NL")).body("active", equalTo(true))
                .body("price.currency", equalTo("EUR")).extract().header("ETag");
        given().queryParam("country", "NL").get("/api/v1/regions/EU/delivery-methods").then().statusCode(200)
                .body("items.code", contains("STANDARD", "EXPRESS", "SAME_DAY"));
        given().queryParam("country", "DE").get("/api/v1/regions/EU/delivery-methods").then().statusCode(200)
                .body("items.code", contains("STANDARD", "EXPRESS"));

        // A replace needs the ETag; a stale one is refused; the region's countries only; nothing coerced.
        sameDay.put("reason", "Price change");
        sameDay.put("priceMinor", 1090);
        given().auth().oauth2(admin).contentType("application/json").body(sameDay).put(path, "EU", "SAME_DAY")
                .then().statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
        String next = given().auth().oauth2(admin).header("If-Match", etag).contentType("application/json")
                .body(sameDay).put(path, "EU", "SAME_DAY").then().statusCode(200)
                .body("price.amountMinor", equalTo(1090)).extract().header("ETag");
        given().auth().oauth2(admin).header("If-Match", etag).contentType("application/json").body(sameDay)
                .put(path, "EU", "SAME_DAY").then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        Map<String, Object> wrong = new HashMap<>(sameDay);
        wrong.put("countries", java.util.List.of("US"));
        wrong.put("minDays", 3);
        wrong.put("maxDays", 1);
        given().auth().oauth2(admin).header("If-Match", next).contentType("application/json").body(wrong)
                .put(path, "EU", "SAME_DAY").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("countries[0]", "maxDays"));
        wrong = new HashMap<>(sameDay);
        wrong.put("priceMinor", "1090");
        given().auth().oauth2(admin).header("If-Match", next).contentType("application/json").body(wrong)
                .put(path, "EU", "SAME_DAY").then().statusCode(400);
        wrong.put("priceMinor", 10.5);
        given().auth().oauth2(admin).header("If-Match", next).contentType("application/json").body(wrong)
                .put(path, "EU", "SAME_DAY").then().statusCode(400);
        given().auth().oauth2(storefront.Tokens.ops("us-lead", "US")).header("If-Match", next)
                .contentType("application/json").body(sameDay).put(path, "EU", "SAME_DAY").then().statusCode(403)
                .body("code", equalTo("REGION_NOT_IN_SCOPE"));
        given().auth().oauth2(admin).get(path, "EU", "NOPE").then().statusCode(404)
                .body("code", equalTo("DELIVERY_METHOD_NOT_FOUND"));

        // Paused: no longer offered, and a checkout asking for it is refused.
        sameDay.put("active", false);
        sameDay.put("reason", "Pilot over");
        given().auth().oauth2(admin).header("If-Match", next).contentType("application/json").body(sameDay)
                .put(path, "EU", "SAME_DAY").then().statusCode(200).body("active", equalTo(false));
        given().queryParam("country", "NL").get("/api/v1/regions/EU/delivery-methods").then().statusCode(200)
                .body("items.code", contains("STANDARD", "EXPRESS"));
        given().auth().oauth2(admin).get("/api/v1/admin/regions/EU/delivery-methods").then().statusCode(200)
                .body("items.code", contains("STANDARD", "EXPRESS", "SAME_DAY"));
        String sku = TestSkus.create(pool, "EU", 5000, 2);
        Shop.checkout(Shop.cart("EU", Map.of(sku, 1)), UUID.randomUUID().toString(), body("NL", null, "SAME_DAY"))
                .then().statusCode(422).body("code", equalTo("DELIVERY_METHOD_UNAVAILABLE"));
        given().auth().oauth2(storefront.Tokens.auditor("delivery-auditor")).queryParam("actor", "delivery-admin")
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("items.action", contains("UPDATE_DELIVERY_METHOD", "UPDATE_DELIVERY_METHOD",
                        "CREATE_DELIVERY_METHOD"));
    }

    @Test
    void anOrderPickedUpAtAStoreOfTheRegionCostsNoShippingAndCarriesItsCode() {
        String sku = TestSkus.create(pool, "US", 5000, 5);
        Map<String, Object> pickup = Map.of("email", "ada@example.com", "pickupStore", "us-sf-0001");
        JsonPath placed = Shop.checkout(Shop.cart("US", Map.of(sku, 1)), UUID.randomUUID().toString(), pickup)
                .then().statusCode(201).extract().jsonPath();
        // Taxed where the store is (California, 7.25%), no shipping: 5000 + 363.
        assertThat(placed.getLong("totals.shipping.amountMinor")).isZero();
        assertThat(placed.getLong("totals.tax.amountMinor")).isEqualTo(363);
        JsonPath order = Shop.order(placed);
        assertThat(order.getString("delivery.method")).isEqualTo("PICKUP");
        assertThat(order.getString("delivery.minDays")).isNull();
        assertThat(order.getString("pickup.store.id")).isEqualTo("us-sf-0001");
        assertThat(order.getString("pickup.store.timeZone")).isEqualTo("America/Los_Angeles");
        assertThat(order.getList("pickup.store.openingHours")).isNotEmpty();
        assertThat(order.getString("pickup.code")).matches("[A-Z2-9]{8}");
        assertThat(order.getString("shippingAddress.line1")).isEqualTo("865 Market Street");

        // Another region's store, a store without pickup, and one that does not exist: refused, nothing held.
        String cart = Shop.cart("US", Map.of(sku, 2));
        Shop.checkout(cart, UUID.randomUUID().toString(), Map.of("email", "ada@example.com",
                "pickupStore", "de-be-0001")).then().statusCode(422)
                .body("code", equalTo("PICKUP_STORE_NOT_IN_REGION")).body("servedBy", equalTo("EU"))
                .body("store", equalTo("de-be-0001"));
        Shop.checkout(cart, UUID.randomUUID().toString(), Map.of("email", "ada@example.com",
                "pickupStore", "us-ny-0001")).then().statusCode(422).body("code", equalTo("PICKUP_STORE_UNAVAILABLE"));
        Shop.checkout(cart, UUID.randomUUID().toString(), Map.of("email", "ada@example.com",
                "pickupStore", "no-such-store")).then().statusCode(422).body("code", equalTo("PICKUP_STORE_UNAVAILABLE"));
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(5, 1);

        // One of address and store, and no delivery method with a store.
        Map<String, Object> both = new HashMap<>(Shop.checkoutBody("US", "CA"));
        both.put("pickupStore", "us-sf-0001");
        Shop.checkout(cart, UUID.randomUUID().toString(), both).then().statusCode(400)
                .body("errors.field", contains("pickupStore"));
        Shop.checkout(cart, UUID.randomUUID().toString(), Map.of("email", "ada@example.com")).then().statusCode(400)
                .body("errors.field", contains("shippingAddress"));
        Shop.checkout(cart, UUID.randomUUID().toString(), Map.of("email", "ada@example.com",
                "pickupStore", "us-sf-0001", "deliveryMethod", "EXPRESS")).then().statusCode(400)
                .body("errors.field", contains("deliveryMethod"));
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(5, 1);
    }

    /** A checkout body; {@code method} as the JSON value of deliveryMethod (absent when null). */
    static Map<String, Object> body(String country, String state, Object method) {
        Map<String, Object> body = new HashMap<>(Shop.checkoutBody(country, state));
        if (method != null) {
            body.put("deliveryMethod", method);
        }
        return body;
    }
}
