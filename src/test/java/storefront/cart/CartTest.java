package storefront.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.checkout.Shop;

@QuarkusTest
class CartTest {

    @Test
    void aCartIsPricedInItsRegionsCurrencyWithTaxAndShipping() {
        String cart = Shop.cart("EU", Map.of("MI-PB-20000-WHITE", 2));
        JsonPath body = given().get("/api/v1/carts/{id}", cart).then().statusCode(200).extract().jsonPath();
        assertThat(body.getString("currency")).isEqualTo("EUR");
        assertThat(body.getInt("lines[0].quantity")).isEqualTo(2);
        assertThat(body.getLong("lines[0].unitPrice.amountMinor")).isEqualTo(3499);
        assertThat(body.getLong("lines[0].lineTotal.amountMinor")).isEqualTo(6998);
        // 69.98 + 4.99 = 74.97, the EU's default 20 % inside until the address is known: 12.495 -> 12.50
        assertThat(body.getLong("totals.total.amountMinor")).isEqualTo(7497);
        assertThat(body.getLong("totals.tax.amountMinor")).isEqualTo(1250);
        assertThat(body.getBoolean("totals.taxIncluded")).isTrue();
        assertThat(body.getBoolean("purchasable")).isTrue();

        Shop.put(cart, "mi-pb-20000-white", 5).then().statusCode(200).body("lines[0].quantity", equalTo(5));
        given().delete("/api/v1/carts/{id}/items/{sku}", cart, "MI-PB-20000-WHITE").then().statusCode(200)
                .body("lines.size()", equalTo(0)).body("totals.total.amountMinor", equalTo(0))
                .body("purchasable", equalTo(false));
    }

    @Test
    void aSkuTheRegionDoesNotSellIsRefusedWithItsReasons() {
        String cart = Shop.cart("US", Map.of());
        Shop.put(cart, "MI-NOTE-16GB-WHITE", 1).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                .body("region", equalTo("US")).body("sku", equalTo("MI-NOTE-16GB-WHITE"))
                .body("reasons.code", hasItem("CATEGORY_NOT_SOLD"));
        Shop.put(cart, "NO-SUCH-SKU", 1).then().statusCode(404).body("code", equalTo("SKU_NOT_FOUND"));
        given().get("/api/v1/carts/{id}", cart).then().body("lines.size()", equalTo(0));
    }

    @Test
    void quantitiesAndLinesAreBounded() {
        String cart = Shop.cart("IN", Map.of());
        Shop.put(cart, "MI-4I-16GB-GREY", 0).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Shop.put(cart, "MI-4I-16GB-GREY", 11).then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        given().contentType(ContentType.JSON).body("{\"quantity\": \"many\"}")
                .put("/api/v1/carts/{id}/items/{sku}", cart, "MI-4I-16GB-GREY").then().statusCode(400)
                .body("code", equalTo("MALFORMED_BODY"));
        Shop.put(cart, "MI-4I-16GB-GREY", 10).then().statusCode(200);
    }

    @Test
    void unknownCartsAndRegionsAreProblems() {
        given().get("/api/v1/carts/{id}", UUID.randomUUID()).then().statusCode(404).body("code", equalTo("CART_NOT_FOUND"));
        given().get("/api/v1/carts/{id}", "not-a-cart").then().statusCode(404).body("code", equalTo("CART_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(Map.of("region", "XX")).post("/api/v1/carts").then()
                .statusCode(400).body("errors[0].field", equalTo("region"));
    }
}
