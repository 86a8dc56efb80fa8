package storefront.availability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.checkout.Shop;
import storefront.inventory.TestSkus;
import storefront.ops.Ops;

/**
 * Every door that lets a shopper see, reserve or buy a SKU asks the one
 * availability decision: the listing, the detail, the cart, checkout, flash-sale
 * creation and claims. Stock and prices are no door: stocking or pricing a SKU
 * the region may not sell leaves it unsellable.
 */
@QuarkusTest
class DoorsTest {

    private static final String ADMIN = Tokens.admin("doors-test");

    @Inject
    Pool pool;

    private String slugOf(String sku) {
        return TestSkus.one(pool, "select p.slug from product p join sku s on s.product_id = p.id where s.code = $1",
                sku).getString(0);
    }

    private static Response createSale(String sku, Instant startsAt) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "region", "US", "startsAt", startsAt.toString(),
                        "endsAt", Instant.now().plusSeconds(3600).toString(), "priceMinor", 500, "quantity", 2,
                        "reason", "drop"))
                .post("/api/v1/admin/flash-sales");
    }

    /** A claim by a shopper of their own, shipping to an address of their own (the limit counts both). */
    private static Response claim(String sale, String shopper) {
        Map<String, Object> address = new java.util.LinkedHashMap<>(Shop.address("US", "CA"));
        address.put("line1", shopper + " Main Street");
        return given().auth().oauth2(Tokens.shopper(shopper)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("shippingAddress", address))
                .post("/api/v1/flash-sales/{id}/claims", sale);
    }

    private static void refused(Response answer, String reason) {
        answer.then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION")).body("reasons.code", hasItem(reason));
    }

    @Test
    void aDelistedSkuIsRefusedAtEveryDoor() {
        String sku = TestSkus.create(pool, "US", 1000, 20);
        String slug = slugOf(sku);
        String cart = Shop.cart("US", Map.of(sku, 1));
        String shopper = "door-" + UUID.randomUUID();
        String sale = createSale(sku, Instant.now().minusSeconds(60)).then().statusCode(201).extract().path("sale.id");
        // A claim made while it sells stays replayable; a new one after the delisting is refused.
        claim(sale, shopper).then().statusCode(201);

        Ops.listed(ADMIN, "US", slug, false, "Recall").then().statusCode(200);

        given().get("/api/v1/regions/US/products/{slug}", slug).then().statusCode(404)
                .body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"));
        assertThat(given().queryParam("limit", 100).get("/api/v1/regions/US/products").then().statusCode(200)
                .extract().jsonPath().getList("items.slug")).doesNotContain(slug);
        refused(Shop.put(Shop.cart("US", Map.of()), sku, 1), "PRODUCT_DELISTED");
        Shop.checkout(cart, UUID.randomUUID().toString(), Shop.checkoutBody("US", "CA"))
                .then().statusCode(422).body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                .body("items[0].reasons.code", hasItem("PRODUCT_DELISTED"));
        refused(createSale(sku, Instant.now().plusSeconds(60)), "PRODUCT_DELISTED");
        refused(claim(sale, "door-other-" + UUID.randomUUID()), "PRODUCT_DELISTED");

        // Stock and a price do not open a door the policy keeps shut.
        Ops.asRead(ADMIN, "/api/v1/admin/stock/{region}/{sku}", "US", sku).contentType(ContentType.JSON)
                .body(Map.of("onHand", 50, "reason", "delivery")).put("/api/v1/admin/stock/{region}/{sku}", "US", sku)
                .then().statusCode(200);
        refused(Shop.put(Shop.cart("US", Map.of()), sku, 1), "PRODUCT_DELISTED");

        Ops.listed(ADMIN, "US", slug, true, "Fixed").then().statusCode(200);
        claim(sale, "door-third-" + UUID.randomUUID()).then().statusCode(201);
    }

    @Test
    void aSkuMissingACertificationTheRegionRequiresCannotGoOnSale() {
        String sku = TestSkus.create(pool, "EU", 1000, 20);
        TestSkus.sql(pool, "delete from product_certification where product_id = (select product_id from sku "
                + "where code = $1) and certification_code = 'CE'", sku);
        TestSkus.sql(pool, "notify storefront_catalog_changed");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "region", "EU", "startsAt", Instant.now().plusSeconds(60).toString(),
                        "endsAt", Instant.now().plusSeconds(3600).toString(), "priceMinor", 500, "quantity", 2,
                        "reason", "drop"))
                .post("/api/v1/admin/flash-sales")
                .then().statusCode(422).body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                .body("reasons.code", hasItem("MISSING_CERTIFICATION"));
        assertThat(TestSkus.stock(pool, sku, "EU")).containsExactly(20, 0);
    }
}
