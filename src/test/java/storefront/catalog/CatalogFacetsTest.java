package storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Filters (price, stock, option values, specification values) and the facets
 * of the current filter, counting only what the region's shoppers can buy.
 */
@QuarkusTest
class CatalogFacetsTest {

    private static JsonPath listing(String region, String language, Map<String, ?> params, List<String> options,
                                    List<String> specs) {
        RequestSpecification request = given().header("Accept-Language", language).queryParam("limit", 100)
                .queryParams(params);
        for (String option : options) {
            request = request.queryParam("option", option);
        }
        for (String spec : specs) {
            request = request.queryParam("spec", spec);
        }
        return request.get("/api/v1/regions/{r}/products", region).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theFacetsAddUpTheFiltersProductsInTheShoppersLanguage() {
        JsonPath all = listing("EU", "de", Map.of("facets", true), List.of(), List.of());
        int items = all.getList("items").size();
        assertThat(all.getInt("facets.total")).isEqualTo(items);
        assertThat(all.getList("facets.categories.count", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(items);
        JsonPath facets = new JsonPath(all.prettify()).setRootPath("facets");
        assertThat(facets.getString("options.find { it.code == 'colour' }.label")).isEqualTo("Farbe");
        assertThat(facets.getString("options.find { it.code == 'colour' }.values.find { it.value == 'Black' }"
                + ".label")).isEqualTo("Schwarz");
        assertThat(facets.getString("specifications.find { it.code == 'water_resistant' }.label"))
                .isEqualTo("Wasserdicht");
        assertThat(facets.getList("specifications.find { it.code == 'water_resistant' }.values.label"))
                .contains("Ja");
        assertThat(facets.getString("specifications.find { it.code == 'capacity' }.type")).isEqualTo("NUMBER");
        assertThat(facets.getString("specifications.find { it.code == 'capacity' }.unit")).isEqualTo("mAh");
        assertThat(facets.getInt("specifications.find { it.code == 'capacity' }.max")).isEqualTo(20000);
        assertThat(facets.getString("price.min.currency")).isEqualTo("EUR");
        // Without facets=true there are none.
        assertThat(listing("EU", "de", Map.of(), List.of(), List.of()).getString("facets")).isNull();
    }

    @Test
    void eachFilterNarrowsTheListingAndItsFacets() {
        JsonPath big = listing("US", "en", Map.of("facets", true), List.of(), List.of("capacity:15000.."));
        assertThat(big.getList("items.slug")).containsExactly("mi-power-bank-20000");
        assertThat(big.getInt("facets.total")).isEqualTo(1);
        assertThat(listing("US", "en", Map.of(), List.of(), List.of("water_resistant:true")).getList("items.slug"))
                .containsExactlyInAnyOrder("mi-band-8", "mi-band-8-pro");
        assertThat(listing("US", "en", Map.of(), List.of(), List.of("ports:USB-C")).getList("items.slug"))
                .containsExactlyInAnyOrder("mi-power-bank-10000", "mi-power-bank-20000");
        JsonPath silver = listing("US", "en", Map.of("facets", true), List.of("colour:Silver"), List.of());
        assertThat(silver.getList("items.slug")).contains("mi-headphones", "mi-power-bank-10000")
                .doesNotContain("mi-band-8");
        assertThat(silver.getList("facets.options.find { it.code == 'colour' }.values.value")).contains("Silver");
        // Price and options hold for one SKU together: a silver SKU at 2000 to 3000.
        JsonPath cheapSilver = listing("US", "en", Map.of("minPrice", 2000, "maxPrice", 3000),
                List.of("colour:Silver"), List.of());
        assertThat(cheapSilver.getList("items.slug")).contains("mi-power-bank-10000", "mi-in-ear-headphones-pro")
                .doesNotContain("mi-headphones");
        assertThat(listing("US", "en", Map.of("minPrice", 3000, "maxPrice", 5000), List.of(), List.of())
                .getList("items.priceRange.max.amountMinor", Long.class)).allMatch(max -> max >= 3000);
    }

    @Test
    void inStockLeavesOutWhatNoShopperCanTakeHomeNowAndTheFacetsCountIt() {
        String slug = "mi-smart-mug-facets";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("slug", slug, "category", "WEARABLE",
                "certifications", List.of("FCC", "CE", "CCC", "BIS"),
                "texts", List.of(Map.of("locale", "en", "name", "Mi Smart Mug")),
                "skus", List.of(Map.of("code", "MUG-F-WHITE")), "reason", "New product line"));
        String etag = given().auth().oauth2(storefront.ops.Ops.ADMIN).contentType(io.restassured.http.ContentType.JSON)
                .body(body).post("/api/v1/admin/products").then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(storefront.ops.Ops.ADMIN).header("If-Match", etag)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("currency", "USD", "prices", Map.of("MUG-F-WHITE", 1999), "reason", "launch"))
                .put("/api/v1/admin/products/{s}/prices/{r}", slug, "US").then().statusCode(200);
        storefront.Await.until("the mug is listed", () -> listing("US", "en", Map.of(), List.of(), List.of())
                .getList("items.slug").contains(slug));
        JsonPath all = listing("US", "en", Map.of("facets", true), List.of(), List.of());
        JsonPath stocked = listing("US", "en", Map.of("inStock", true, "facets", true), List.of(), List.of());
        assertThat(all.getList("items.slug")).contains(slug);
        // Nobody counted it anywhere: the listing says so, as the detail does.
        assertThat(new JsonPath(all.prettify()).getString("items.find { it.slug == '" + slug + "' }.skus[0].stock"))
                .isEqualTo("OUT_OF_STOCK");
        assertThat(stocked.getList("items.slug")).doesNotContain(slug);
        assertThat(all.getInt("facets.inStock")).isEqualTo(stocked.getInt("facets.total"))
                .isEqualTo(all.getInt("facets.total") - 1 - (all.getList("items").size()
                        - stocked.getList("items").size() - 1));
    }

    @Test
    void aMalformedFilterIsRefusedNamingIt() {
        for (Map<String, String> bad : List.of(Map.of("minPrice", "1.5"), Map.of("maxPrice", "-1"),
                Map.of("minPrice", "900", "maxPrice", "100"), Map.of("inStock", "yes"), Map.of("facets", "1"),
                Map.of("option", "colour"), Map.of("option", "Colour:Black"), Map.of("spec", "capacity:9..3"),
                Map.of("spec", "capacity:.."))) {
            given().queryParams(bad).get("/api/v1/regions/US/products").then().statusCode(400)
                    .body("code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"));
        }
        given().queryParam("option", "colour:Black").queryParam("option", "colour:Silver")
                .get("/api/v1/regions/US/products").then().statusCode(400);
    }
}
