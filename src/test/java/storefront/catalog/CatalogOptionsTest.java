package storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import storefront.Await;
import storefront.inventory.TestSkus;
import storefront.ops.Ops;

/**
 * Options: a product declares its option types with localized labels and
 * ordered values; each SKU names one value of each; the detail gives the
 * selectors with the values some SKU sold in the region has, and whether one
 * of those is in stock.
 */
@QuarkusTest
class CatalogOptionsTest {

    @Inject
    Pool pool;

    @Test
    void theDetailDrawsTheSelectorsInTheShoppersLanguage() {
        JsonPath detail = given().header("Accept-Language", "de").get("/api/v1/regions/EU/products/mi-power-bank-10000")
                .then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("options.code")).containsExactly("colour", "capacity");
        assertThat(detail.getList("options.label")).containsExactly("Farbe", "Kapazität");
        assertThat(detail.getList("options[0].values.code")).containsExactly("Silver", "Black");
        assertThat(detail.getList("options[0].values.label")).containsExactly("Silber", "Schwarz");
        assertThat(detail.getString("skus[0].options.colour")).isEqualTo("Silver");
        given().header("Accept-Language", "zh-CN").get("/api/v1/regions/CN/products/mi-band-8").then()
                .statusCode(200).body("options[0].label", equalTo("颜色"))
                .body("options[0].values.label", org.hamcrest.Matchers.contains("石墨黑", "香槟金"));
    }

    @Test
    void aValueIsOfferedWhenASkuSoldHereHasItAndAvailableWhenOneIsInStock() {
        String slug = "mi-smart-kettle-options";
        Map<String, Object> body = product(slug, List.of(
                sku("KETTLE-O-WHITE", "white", "1.5 l"), sku("KETTLE-O-BLACK", "black", "1.5 l"),
                sku("KETTLE-O-GREY", "grey", "1.5 l")));
        String etag = given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/products").then().statusCode(201)
                .body("options[0].values.code", org.hamcrest.Matchers.contains("white", "black", "grey"))
                .extract().header("ETag");
        // Grey has no US price: not sold here, so not offered; black is sold but has no stock.
        given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("currency", "USD", "prices", Map.of("KETTLE-O-WHITE", 3999, "KETTLE-O-BLACK", 3999),
                        "reason", "launch"))
                .put("/api/v1/admin/products/{s}/prices/{r}", slug, "US").then().statusCode(200);
        TestSkus.stockAt(pool, "wh-us", "KETTLE-O-WHITE", 5);
        Await.until("the detail is served", () -> given().get("/api/v1/regions/US/products/{s}", slug).then()
                .extract().statusCode() == 200);
        JsonPath detail = given().get("/api/v1/regions/US/products/{s}", slug).then().statusCode(200).extract()
                .jsonPath();
        assertThat(detail.getList("options[0].values.code")).containsExactly("white", "black");
        assertThat(detail.getList("options[0].values.available")).containsExactly(true, false);
        assertThat(detail.getList("options[0].values.label")).containsExactly("White", "Black");
        assertThat(detail.getList("options[1].values.available")).containsExactly(true);
    }

    @Test
    void eachSkuNamesOneDeclaredValueOfEachOptionAndNoTwoTheSame() {
        Map<String, Object> body = product("mi-smart-kettle-bad", List.of(
                Map.of("code", "KETTLE-B-1", "options", Map.of("colour", "white")),
                sku("KETTLE-B-2", "pink", "1.5 l"),
                sku("KETTLE-B-3", "white", "1.5 l"), sku("KETTLE-B-4", "white", "1.5 l")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) body.get("options");
        options.set(1, Map.of("code", "volume", "labels", Map.of("en", "Volume"),
                "values", List.of(Map.of("code", "1.5 l", "labels", Map.of("en", "1.5 l", "zh-CN", "1.5 升")))));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/admin/products")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("skus[0].options"))
                .body("errors.field", hasItem("skus[1].options.colour"))
                .body("errors.field", hasItem("skus[3].options"))
                .body("errors.field", hasItem("options[1].labels"));
    }

    private static Map<String, Object> product(String slug, List<Map<String, Object>> skus) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("category", "WEARABLE");
        body.put("certifications", List.of("FCC", "CE", "CCC", "BIS"));
        body.put("texts", List.of(Map.of("locale", "en", "name", "Mi Smart Kettle")));
        body.put("skus", skus);
        body.put("options", new java.util.ArrayList<>(List.of(
                Map.of("code", "colour", "labels", Map.of("en", "Colour", "zh-CN", "颜色"), "values", List.of(
                        value("white", "White", "白色"), value("black", "Black", "黑色"), value("grey", "Grey", "灰色"))),
                Map.of("code", "volume", "labels", Map.of("en", "Volume", "zh-CN", "容量"),
                        "values", List.of(value("1.5 l", "1.5 l", "1.5 升"))))));
        body.put("reason", "New product line");
        return body;
    }

    private static Map<String, Object> value(String code, String en, String zh) {
        return Map.of("code", code, "labels", Map.of("en", en, "zh-CN", zh));
    }

    private static Map<String, Object> sku(String code, String colour, String volume) {
        return Map.of("code", code, "options", Map.of("colour", colour, "volume", volume));
    }
}
