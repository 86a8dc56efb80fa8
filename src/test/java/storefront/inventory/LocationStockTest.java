package storefront.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.checkout.Shop;
import storefront.ops.Ops;

/**
 * Stock per location: ops of the region (and a store's staff, for their store)
 * adjust it; it never drops below what is allocated there, nor the region
 * below what is reserved; the region's stock follows.
 */
@QuarkusTest
class LocationStockTest {

    private static final String ADJUST = "/api/v1/admin/locations/{id}/stock/{sku}/adjustments";

    @Inject
    Pool pool;

    @Test
    void aRegionsLocationsMainWarehouseFirst() {
        given().auth().oauth2(Ops.ADMIN).queryParam("region", "us").get("/api/v1/admin/locations").then()
                .statusCode(200).body("items[0].id", equalTo("wh-us")).body("items[0].main", equalTo(true))
                .body("items.find { it.id == 'us-sf-0001' }.store", equalTo("us-sf-0001"))
                .body("items.find { it.id == 'us-sf-0001' }.kind", equalTo("STORE"));
        given().auth().oauth2(Ops.ADMIN).get("/api/v1/admin/locations").then().statusCode(400);
    }

    @Test
    void storeStaffAdjustTheirShelfAndTheRegionFollows() {
        String sku = TestSkus.create(pool, "US", 2500, 4);
        String staff = Tokens.store("sf-staff", "us-sf-0001");
        adjust(staff, "us-sf-0001", sku, 2, "delivery from the warehouse").then().statusCode(200)
                .body("onHand", equalTo(2)).body("allocated", equalTo(0)).body("free", equalTo(2));
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(6, 0);
        given().auth().oauth2(staff).get("/api/v1/admin/locations/{id}/stock", "us-sf-0001").then().statusCode(200)
                .body("location.id", equalTo("us-sf-0001"))
                .body("items.find { it.sku == '" + sku + "' }.onHand", equalTo(2));
        // Another store's shelf, a warehouse, another region: not theirs.
        adjust(staff, "de-be-0001", sku, 1, "x").then().statusCode(403).body("code", equalTo("STORE_NOT_IN_SCOPE"));
        adjust(staff, "wh-us", sku, 1, "x").then().statusCode(403);
        adjust(Tokens.ops("eu-lead", "EU"), "wh-us", sku, 1, "x").then().statusCode(403)
                .body("code", equalTo("REGION_NOT_IN_SCOPE"));
        assertThat(pool.preparedQuery("select count(*) from audit_entry where action = 'ADJUST_LOCATION_STOCK' "
                        + "and target = $1 and role = 'store'").execute(Tuple.of("location:us-sf-0001/stock:" + sku))
                .await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
    }

    @Test
    void neverBelowWhatIsAllocatedThereNorTheRegionBelowWhatIsReserved() {
        String sku = TestSkus.create(pool, "US", 2500, 0);
        adjust(Ops.ADMIN, "wh-us-east", sku, 3, "delivery").then().statusCode(200);
        var paid = Shop.placeOrder("US", Map.of(sku, 2), "US", "NJ");
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", paid.getString("payment.paymentIntentId"),
                paid.getString("orderId"), paid.getLong("totals.total.amountMinor"), "usd")).then().statusCode(200);
        adjust(Ops.ADMIN, "wh-us-east", sku, -2, "damaged").then().statusCode(409)
                .body("code", equalTo("STOCK_BELOW_ALLOCATED")).body("allocated", equalTo(2))
                .body("onHand", equalTo(3));
        // One unit is free there, but an unpaid order holds it in the region.
        Shop.placeOrder("US", Map.of(sku, 1), "US", "NJ");
        adjust(Ops.ADMIN, "wh-us-east", sku, -1, "damaged").then().statusCode(409)
                .body("code", equalTo("STOCK_BELOW_RESERVED")).body("reserved", equalTo(1));
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(1, 1);
        adjust(Ops.ADMIN, "wh-us-east", sku, 4, "delivery").then().statusCode(200).body("free", equalTo(5));
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(5, 1);

        adjust(Ops.ADMIN, "wh-us-east", sku, 0, "x").then().statusCode(400);
        adjust(Ops.ADMIN, "wh-nowhere", sku, 1, "x").then().statusCode(404).body("code", equalTo("LOCATION_NOT_FOUND"));
        adjust(Ops.ADMIN, "wh-us", "NO-SUCH-SKU", 1, "x").then().statusCode(404).body("code", equalTo("SKU_NOT_FOUND"));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body("{\"delta\": 1.5, \"reason\": \"x\"}")
                .post(ADJUST, "wh-us", sku).then().statusCode(400).body("code", equalTo("MALFORMED_BODY"));
    }

    @Test
    void opsOpenAWarehouseAndAStoresShelfUnderIfMatch() {
        String id = "wh-us-tx-" + Long.toString(System.nanoTime(), 36);
        String path = "/api/v1/admin/locations/{id}";
        Map<String, Object> warehouse = new java.util.HashMap<>(Map.of("kind", "WAREHOUSE", "region", "US",
                "name", "Texas warehouse", "country", "us", "state", "tx", "latitude", 32.7767,
                "longitude", -96.797, "reason", "new warehouse"));
        given().auth().oauth2(Tokens.ops("eu-lead", "EU")).contentType(ContentType.JSON).body(warehouse)
                .put(path, id).then().statusCode(403);
        String etag = given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(warehouse).put(path, id)
                .then().statusCode(201).body("region", equalTo("US")).body("country", equalTo("US"))
                .body("state", equalTo("TX")).body("main", equalTo(false)).extract().header("ETag");
        warehouse.put("name", "Dallas warehouse");
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(warehouse).put(path, id).then()
                .statusCode(428);
        String renamed = given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(warehouse).put(path, id).then().statusCode(200).body("name", equalTo("Dallas warehouse"))
                .extract().header("ETag");
        given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(warehouse)
                .put(path, id).then().statusCode(412);
        warehouse.put("region", "EU");
        given().auth().oauth2(Ops.ADMIN).header("If-Match", renamed).contentType(ContentType.JSON).body(warehouse)
                .put(path, id).then().statusCode(400);
        warehouse.put("region", "US");
        warehouse.put("country", "DE");
        given().auth().oauth2(Ops.ADMIN).header("If-Match", renamed).contentType(ContentType.JSON).body(warehouse)
                .put(path, id).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("country"));
        given().auth().oauth2(Ops.ADMIN).get(path, id).then().statusCode(200).header("ETag", renamed);
        // Stock received there counts in the region.
        String sku = TestSkus.create(pool, "US", 2500, 1);
        adjust(Ops.ADMIN, id, sku, 6, "first delivery").then().statusCode(200);
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(7, 0);

        // A store's shelf is placed where its store is, one per store.
        String store = "us-tx-" + Long.toString(System.nanoTime(), 36);
        pool.preparedQuery("""
                        insert into store (id, name, kind, services, address_line1, city, state, country, region_code,
                            latitude, longitude, time_zone)
                        values ($1, 'Mi Store Dallas', 'FLAGSHIP', array['SALES', 'PICKUP'], '1 Elm St', 'Dallas',
                            'TX', 'US', 'US', 32.78, -96.8, 'America/Chicago')""")
                .execute(Tuple.of(store)).await().indefinitely();
        Map<String, Object> shelf = Map.of("kind", "STORE", "store", store, "reason", "holds stock from now on");
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(shelf).put(path, store).then()
                .statusCode(201).body("store", equalTo(store)).body("name", equalTo("Mi Store Dallas"))
                .body("state", equalTo("TX")).body("latitude", equalTo(32.78f));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(shelf).put(path, store + "-b").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("store"));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "STORE", "store", store, "country", "US", "reason", "x")).put(path, "x-" + store)
                .then().statusCode(400);
        assertThat(pool.preparedQuery("select action from audit_entry where target = $1 order by id")
                .execute(Tuple.of("location:" + id)).await().indefinitely().size()).isEqualTo(2);
    }

    private static Response adjust(String token, String location, String sku, int delta, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("delta", delta, "reason", reason)).post(ADJUST, location, sku);
    }
}
