package storefront.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.Await;
import storefront.Tokens;
import storefront.ops.Ops;
import storefront.checkout.Shop;

/** Stock as ops set it, as checkout holds it and as the catalog shows it. */
@QuarkusTest
class InventoryTest {

    private static final String ADMIN = Tokens.admin("stock-tests");

    private static final String STOCK = "/api/v1/admin/stock/{region}/{sku}";

    @Inject
    Pool pool;

    @Test
    void opsSetAndAdjustStockAndEveryChangeIsAudited() {
        String sku = TestSkus.create(pool, "CN", 9900, 0);
        Ops.asRead(ADMIN, STOCK, "CN", sku).contentType(ContentType.JSON)
                .body(Map.of("onHand", 12, "lowStockThreshold", 3, "reason", "Stock count"))
                .put("/api/v1/admin/stock/CN/{sku}", sku)
                .then().statusCode(200).body("onHand", equalTo(12)).body("available", equalTo(12))
                .body("state", equalTo("IN_STOCK"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("delta", -10, "reason", "Water damage"))
                .post("/api/v1/admin/stock/CN/{sku}/adjustments", sku)
                .then().statusCode(200).body("onHand", equalTo(2)).body("state", equalTo("LOW_STOCK"));
        given().auth().oauth2(ADMIN).queryParam("region", "cn").queryParam("sku", sku).get("/api/v1/admin/stock")
                .then().statusCode(200).body("items.sku", contains(sku)).body("items[0].onHand", equalTo(2));

        assertThat(TestSkus.one(pool, "select count(*) as n from audit_entry where target = $1", "stock:" + sku)
                .getLong("n")).isEqualTo(2);
    }

    @Test
    void onHandNeverGoesBelowWhatOrdersHoldAndNothingChangesWhenRefused() {
        String sku = TestSkus.create(pool, "CN", 9900, 3);
        Shop.placeOrder("CN", Map.of(sku, 2), "CN", null);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("delta", -2, "reason", "Loss"))
                .post("/api/v1/admin/stock/CN/{sku}/adjustments", sku)
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("STOCK_BELOW_RESERVED")).body("reserved", equalTo(2));
        Ops.asRead(ADMIN, STOCK, "CN", sku).contentType(ContentType.JSON).body(Map.of("onHand", 1, "reason", "Count"))
                .put("/api/v1/admin/stock/CN/{sku}", sku)
                .then().statusCode(409).body("code", equalTo("STOCK_BELOW_RESERVED"));
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(3, 2);
        // The database refuses it too, whatever the code path.
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () ->
                TestSkus.sql(pool, "update stock set on_hand = 1 where sku_code = $1", sku));
    }

    @Test
    void opsOfAnotherRegionAndBadInputAreRefused() {
        String sku = TestSkus.create(pool, "CN", 9900, 1);
        Ops.asRead(Tokens.ops("eu-lead", "EU"), STOCK, "CN", sku).contentType(ContentType.JSON)
                .body(Map.of("onHand", 5, "reason", "x")).put("/api/v1/admin/stock/CN/{sku}", sku)
                .then().statusCode(403).body("code", equalTo("REGION_NOT_IN_SCOPE"));
        Ops.asRead(ADMIN, STOCK, "CN", sku).contentType(ContentType.JSON).body(Map.of("onHand", -1, "reason", "x"))
                .put("/api/v1/admin/stock/CN/{sku}", sku).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("onHand", 5, "reason", "x"))
                .put("/api/v1/admin/stock/CN/NO-SUCH-SKU").then().statusCode(404).body("code", equalTo("SKU_NOT_FOUND"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("delta", 0, "reason", "x"))
                .post("/api/v1/admin/stock/CN/{sku}/adjustments", sku).then().statusCode(400);
        given().auth().oauth2(Tokens.shopper("c1")).get("/api/v1/admin/stock?region=CN").then().statusCode(403);
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(1, 0);
    }

    @Test
    void checkoutHoldsStockAndRefusesWhatIsNotThereWithoutHoldingAnything() {
        String scarce = TestSkus.create(pool, "CN", 9900, 2);
        String plenty = TestSkus.create(pool, "CN", 4900, 50);
        JsonPath first = Shop.placeOrder("CN", Map.of(scarce, 2), "CN", null);
        assertThat(TestSkus.stock(pool, scarce, "CN")).containsExactly(2, 2);
        assertThat(Shop.order(first).getString("reservedUntil")).isNotNull();

        String cart = Shop.cart("CN", Map.of(scarce, 1, plenty, 3));
        Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("CN", null))
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("OUT_OF_STOCK")).body("skus", contains(scarce));
        assertThat(TestSkus.stock(pool, plenty, "CN")).as("nothing held for the refused checkout")
                .containsExactly(50, 0);
        assertThat(TestSkus.one(pool, "select count(*) as n from customer_order where cart_id = $1::uuid", cart)
                .getLong("n")).isZero();
    }

    @Test
    void paymentSellsTheUnitsAndCancellationReleasesThem() {
        String sku = TestSkus.create(pool, "CN", 9900, 5);
        JsonPath paid = Shop.placeOrder("CN", Map.of(sku, 2), "CN", null);
        long total = paid.getLong("totals.total.amountMinor");
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", paid.getString("payment.paymentIntentId"),
                paid.getString("orderId"), total, "cny")).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(3, 0);
        assertThat(Shop.order(paid).getString("reservedUntil")).isNull();

        JsonPath cancelled = Shop.placeOrder("CN", Map.of(sku, 3), "CN", null);
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(3, 3);
        Shop.webhook(Shop.intentEvent("payment_intent.canceled", cancelled.getString("payment.paymentIntentId"),
                cancelled.getString("orderId"), 0, "cny")).then().statusCode(200);
        assertThat(Shop.order(cancelled).getString("status")).isEqualTo("CANCELLED");
        assertThat(TestSkus.stock(pool, sku, "CN")).containsExactly(3, 0);
    }

    @Test
    void theCatalogShowsStockStatesWithoutCountsAndKeepsOutOfStockProductsListed() {
        String sku = TestSkus.create(pool, "CN", 9900, 20);
        String slug = TestSkus.one(pool, "select p.slug from sku s join product p on p.id = s.product_id "
                + "where s.code = $1", sku).getString("slug");
        assertThat(skuState(slug, sku)).isEqualTo("IN_STOCK");

        Ops.asRead(ADMIN, STOCK, "CN", sku).contentType(ContentType.JSON).body(Map.of("onHand", 0, "reason", "Sold off"))
                .put("/api/v1/admin/stock/CN/{sku}", sku).then().statusCode(200);
        // Cached answers are dropped when a state changes (NOTIFY reaches the cache within moments).
        Await.until("state reaches the catalog", () -> "OUT_OF_STOCK".equals(skuState(slug, sku)));
        String listing = given().queryParam("limit", 100).get("/api/v1/regions/CN/products").then().statusCode(200)
                .extract().asString();
        assertThat(listing).contains(slug).doesNotContain("onHand").doesNotContain("\"available\"");

        // The demo catalog has one of each state.
        assertThat(skuState("US", "mi-wireless-power-bank-10000", "MI-WPB-10000-BLACK")).isEqualTo("OUT_OF_STOCK");
        assertThat(skuState("EU", "mi-headphones-comfort", "MI-HPC-WHITE")).isEqualTo("LOW_STOCK");
        assertThat(skuState("EU", "mi-band-8", "MI-BAND-8-BLACK")).isEqualTo("IN_STOCK");
    }

    private static String skuState(String slug, String sku) {
        return skuState("CN", slug, sku);
    }

    private static String skuState(String region, String slug, String sku) {
        return given().get("/api/v1/regions/{r}/products/{slug}", region, slug).then().statusCode(200).extract()
                .jsonPath().getString("skus.find { it.code == '" + sku + "' }.stock");
    }
}
