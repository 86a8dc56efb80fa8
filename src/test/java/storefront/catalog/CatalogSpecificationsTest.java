package storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import storefront.Await;
import storefront.ops.Ops;

/** The specification table: typed, localized, grouped; ops write it with the product and the API checks it. */
@QuarkusTest
class CatalogSpecificationsTest {

    @Test
    void theDetailCarriesTheTableWrittenInTheShoppersLanguage() {
        JsonPath de = given().header("Accept-Language", "de").get("/api/v1/regions/EU/products/mi-power-bank-20000")
                .then().statusCode(200).extract().jsonPath();
        assertThat(de.getList("specifications.code")).containsExactly("battery", "build", "connectivity");
        assertThat(de.getList("specifications.label")).containsExactly("Akku", "Bauweise", "Konnektivität");
        assertThat(de.getList("specifications[0].rows.label")).containsExactly("Kapazität", "Ausgangsleistung",
                "Kabelloses Laden");
        assertThat(de.getList("specifications[0].rows.value")).containsExactly("20.000 mAh", "18 W", "Nein");
        assertThat(de.getInt("specifications[0].rows[0].number")).isEqualTo(20000);
        assertThat(de.getString("specifications[0].rows[0].unit")).isEqualTo("mAh");
        assertThat(de.getBoolean("specifications[0].rows[2].flag")).isFalse();
        assertThat(de.getList("specifications[2].rows[0].items")).containsExactly("USB-C", "USB-A", "USB-A");
        given().header("Accept-Language", "en").get("/api/v1/regions/US/products/mi-power-bank-20000").then()
                .statusCode(200).body("specifications[0].rows[0].value", equalTo("20,000 mAh"))
                .body("specifications[0].rows[2].value", equalTo("No"));
    }

    @Test
    void opsWriteTypedAttributesInDeclaredGroupsAndASkusOwnShowsWhereItIsSold() {
        String slug = "mi-smart-lamp-specs";
        List<Map<String, Object>> bad = List.of(
                spec("lumens", "light", null, "NUMBER", Map.of()),
                spec("dimmable", "light", null, "BOOLEAN", Map.of("flag", true, "unit", "x")),
                spec("colour_temp", "nowhere", null, "NUMBER", Map.of("number", 2700)),
                spec("finish", "light", "NOPE-1", "TEXT", Map.of("text", Map.of("en", "Matte"))));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(product(slug, bad))
                .post("/api/v1/admin/products").then().statusCode(400)
                .body("errors.field", hasItem("specifications[0].number"))
                .body("errors.field", hasItem("specifications[1].unit"))
                .body("errors.field", hasItem("specifications[2].group"))
                .body("errors.field", hasItem("specifications[3].sku"))
                .body("errors.field", hasItem("specifications[3].text"));

        List<Map<String, Object>> good = List.of(
                spec("lumens", "light", null, "NUMBER", Map.of("number", 800.5, "unit", "lm")),
                spec("finish", "light", "LAMP-S-WHITE", "TEXT", Map.of("text", Map.of("en", "Matte", "zh-CN", "哑光"))),
                spec("finish", "light", "LAMP-S-BLACK", "TEXT", Map.of("text", Map.of("en", "Gloss", "zh-CN", "亮面"))));
        String etag = given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(product(slug, good))
                .post("/api/v1/admin/products").then().statusCode(201)
                .body("specifications[0].number", equalTo(800.5f)).extract().header("ETag");
        given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("currency", "USD", "prices", Map.of("LAMP-S-WHITE", 2999), "reason", "launch"))
                .put("/api/v1/admin/products/{s}/prices/{r}", slug, "US").then().statusCode(200);
        Await.until("the detail is served", () -> given().get("/api/v1/regions/US/products/{s}", slug).then()
                .extract().statusCode() == 200);
        JsonPath detail = given().get("/api/v1/regions/US/products/{s}", slug).then().statusCode(200).extract()
                .jsonPath();
        // The black SKU has no US price: its row is not shown here.
        assertThat(detail.getList("specifications[0].rows.value")).containsExactly("800.5 lm", "Matte");
        assertThat(detail.getList("specifications[0].rows.sku")).containsExactly(null, "LAMP-S-WHITE");
        assertThat(detail.getString("specifications[0].label")).isEqualTo("Light");
    }

    private static Map<String, Object> product(String slug, List<Map<String, Object>> specs) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("category", "WEARABLE");
        body.put("certifications", List.of("FCC", "CE", "CCC", "BIS"));
        body.put("texts", List.of(Map.of("locale", "en", "name", "Mi Smart Lamp")));
        body.put("skus", List.of(Map.of("code", "LAMP-S-WHITE"), Map.of("code", "LAMP-S-BLACK")));
        body.put("specificationGroups", List.of(Map.of("code", "light", "labels", Map.of("en", "Light", "zh-CN", "灯光"))));
        body.put("specifications", specs);
        body.put("reason", "New product line");
        return body;
    }

    private static Map<String, Object> spec(String code, String group, String sku, String type,
                                            Map<String, Object> value) {
        Map<String, Object> spec = new HashMap<>(value);
        spec.put("code", code);
        spec.put("group", group);
        spec.put("type", type);
        spec.put("labels", Map.of("en", code, "zh-CN", code));
        if (sku != null) {
            spec.put("sku", sku);
        }
        return spec;
    }
}
