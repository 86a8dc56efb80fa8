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

/**
 * Pictures: ops store them with the product (https on the brand's CDN, sized,
 * with alt text for every region that sells it); a listing item carries the
 * main one, the detail all of them, each SKU its own; alt text follows the
 * response language.
 */
@QuarkusTest
class CatalogMediaTest {

    private static final String CDN = "https://i01.appmifile.com/storefront/";

    @Test
    void aListingCarriesTheMainPictureAndEachSkuItsOwnInTheShoppersLanguage() {
        JsonPath page = given().header("Accept-Language", "de").queryParam("limit", 100)
                .get("/api/v1/regions/EU/products").then().statusCode(200).extract().jsonPath();
        Map<String, Object> band = page.getMap("items.find { it.slug == 'mi-band-8' }");
        assertThat(band).isNotNull();
        JsonPath item = new JsonPath(page.prettify()).setRootPath("items.find { it.slug == 'mi-band-8' }");
        assertThat(item.getString("image.url")).isEqualTo(CDN + "mi-band-8/front.jpg");
        assertThat(item.getInt("image.width")).isEqualTo(1600);
        assertThat(item.getString("image.alt")).isEqualTo("Mi Band 8");
        assertThat(item.getString("image.sku")).isNull();
        assertThat(item.getString("skus[0].image.url"))
                .isEqualTo("https://i02.appmifile.com/storefront/mi-band-8/mi-band-8-black.jpg");
        assertThat(item.getString("skus[0].image.alt")).isEqualTo("Mi Band 8 – Graphite Black");

        JsonPath detail = given().header("Accept-Language", "zh-CN").get("/api/v1/regions/CN/products/mi-band-8")
                .then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("media.url")).containsExactly(CDN + "mi-band-8/front.jpg", CDN + "mi-band-8/side.jpg",
                "https://i02.appmifile.com/storefront/mi-band-8/mi-band-8-black.jpg",
                "https://i02.appmifile.com/storefront/mi-band-8/mi-band-8-gold.jpg");
        assertThat(detail.getString("media[1].alt")).isEqualTo("小米手环 8，侧面");
        assertThat(detail.getList("media.sku")).containsExactly(null, null, "MI-BAND-8-BLACK", "MI-BAND-8-GOLD");
    }

    @Test
    void opsStoreOnlyPicturesTheApiCanVouchFor() {
        String slug = "mi-smart-scale-media";
        Map<String, Object> body = product(slug, List.of(picture(null, CDN + slug + "/front.jpg",
                Map.of("en", "Mi Smart Scale", "zh-CN", "小米体重秤"))));
        // Plain http, another host, a SKU it does not have, no alt text for China (which sells wearables).
        Map<String, Object> bad = product(slug, List.of(
                picture(null, "http://i01.appmifile.com/x.jpg", Map.of("en", "a", "zh-CN", "a")),
                picture(null, "https://images.example.com/x.jpg", Map.of("en", "a", "zh-CN", "a")),
                picture("NOPE-1", CDN + "x.jpg", Map.of("en", "a", "zh-CN", "a")),
                picture(null, CDN + "x.jpg", Map.of("en", "a"))));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(bad).post("/api/v1/admin/products")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("media[0].url")).body("errors.field", hasItem("media[1].url"))
                .body("errors.field", hasItem("media[2].sku")).body("errors.field", hasItem("media[3].alt"));
        Map<String, Object> noWidth = product(slug, List.of(Map.of("url", CDN + "x.jpg", "height", 10,
                "alt", Map.of("en", "a", "zh-CN", "a"))));
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(noWidth).post("/api/v1/admin/products")
                .then().statusCode(400);

        String etag = given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/products").then().statusCode(201)
                .body("media[0].url", equalTo(CDN + slug + "/front.jpg")).extract().header("ETag");
        given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("currency", "USD", "prices", Map.of("SCALE-M-WHITE", 2999), "reason", "launch"))
                .put("/api/v1/admin/products/{s}/prices/{r}", slug, "US").then().statusCode(200);
        Await.until("the detail shows the picture", () -> given().get("/api/v1/regions/US/products/{s}", slug)
                .then().extract().statusCode() == 200);
        given().get("/api/v1/regions/US/products/{s}", slug).then().statusCode(200)
                .body("media[0].alt", equalTo("Mi Smart Scale")).body("media[0].width", equalTo(800));
    }

    private static Map<String, Object> product(String slug, List<Map<String, Object>> media) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("category", "WEARABLE");
        body.put("certifications", List.of("FCC", "CE", "CCC", "BIS"));
        body.put("texts", List.of(Map.of("locale", "en", "name", "Mi Smart Scale")));
        body.put("skus", List.of(Map.of("code", "SCALE-M-WHITE", "options", Map.of("colour", "white"))));
        body.put("media", media);
        body.put("reason", "New product line");
        return body;
    }

    private static Map<String, Object> picture(String sku, String url, Map<String, String> alt) {
        Map<String, Object> picture = new HashMap<>(Map.of("url", url, "width", 800, "height", 600, "alt", alt));
        if (sku != null) {
            picture.put("sku", sku);
        }
        return picture;
    }
}
