package storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogResourceTest {

    static final String PRODUCTS = "/api/v1/regions/{region}/products";

    static List<String> allSlugs(String region, int pageSize, String category) {
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", pageSize);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            if (category != null) {
                request.queryParam("category", category);
            }
            JsonPath page = request.get(PRODUCTS, region).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.slug");
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                assertThat(items).as("every page but the last is full").hasSize(pageSize);
            }
            slugs.addAll(items);
            assertThat(++pages).isLessThan(100);
        } while (cursor != null);
        return slugs;
    }

    @Test
    void usAndEuSeeAccessoriesOnly() {
        for (String region : List.of("US", "EU")) {
            given().queryParam("limit", 100).get(PRODUCTS, region).then()
                    .statusCode(200)
                    .body("items.category", everyItem(oneOf("WEARABLE", "AUDIO", "POWER")))
                    .body("items.slug", hasItems("mi-band-8", "mi-power-bank-10000", "mi-headphones"))
                    .body("items.slug", not(hasItem("mi-note")));
        }
    }

    @Test
    void cnAndInSeePhonesToo() {
        given().queryParam("limit", 100).get(PRODUCTS, "CN").then()
                .statusCode(200)
                .body("items.slug", hasItems("mi-note", "mi-note-pro", "mi-4", "mi-band-8", "mi-power-bank-20000"));
        given().queryParam("limit", 100).get(PRODUCTS, "IN").then()
                .statusCode(200)
                .body("items.slug", hasItems("mi-note", "mi-4i", "mi-headphones"));
    }

    @Test
    void listingShowsPriceRangeAndSkusInTheRegionCurrency() {
        given().queryParam("category", "POWER").get(PRODUCTS, "IN").then()
                .statusCode(200)
                .body("items.find { it.slug == 'mi-power-bank-10000' }.priceRange.min.amountMinor", equalTo(149900))
                .body("items.find { it.slug == 'mi-power-bank-10000' }.priceRange.min.currency", equalTo("INR"))
                .body("items.find { it.slug == 'mi-power-bank-10000' }.skus.code",
                        contains("MI-PB-10000-SILVER", "MI-PB-10000-BLACK"))
                .body("items.category", everyItem(equalTo("POWER")));
    }

    @Test
    void phoneFromTheUsIsNotSoldThereAndSaysWhereItIs() {
        given().get(PRODUCTS + "/{slug}", "US", "mi-note").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                .body("title", equalTo("Not available in your region"))
                .body("region", equalTo("US"))
                .body("reasons.code", hasItem("CATEGORY_NOT_SOLD"))
                .body("availableIn", containsInAnyOrder("CN", "IN"));
    }

    @Test
    void accessoryWithoutCeIsMissingFromTheEuForThatReasonAlone() {
        given().get(PRODUCTS + "/{slug}", "EU", "mi-wireless-power-bank-10000").then()
                .statusCode(404)
                .body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                .body("reasons.code", contains("MISSING_CERTIFICATION"))
                .body("reasons[0].certifications", contains("CE"))
                .body("availableIn", containsInAnyOrder("US", "CN", "IN"));
        given().queryParam("limit", 100).get(PRODUCTS, "EU").then()
                .body("items.slug", not(hasItem("mi-wireless-power-bank-10000")));
    }

    @Test
    void demoLaunchStillAheadIsNotYetLaunched() {
        given().get(PRODUCTS + "/{slug}", "EU", "mi-band-8-pro").then()
                .statusCode(404)
                .body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                .body("reasons.code", contains("NOT_YET_LAUNCHED"))
                .body("availableIn", containsInAnyOrder("US", "CN", "IN"));
        given().get(PRODUCTS + "/{slug}", "US", "mi-headphones-comfort").then()
                .statusCode(404)
                .body("reasons.code", contains("PRODUCT_DELISTED"))
                .body("reasons[0].message", org.hamcrest.Matchers.containsString("firmware"));
    }

    @Test
    void detailHasSkusAndPrices() {
        given().get(PRODUCTS + "/{slug}", "us", "mi-band-8").then()
                .statusCode(200)
                .contentType("application/json")
                .body("slug", equalTo("mi-band-8"))
                .body("name", equalTo("Mi Band 8"))
                .body("category", equalTo("WEARABLE"))
                .body("skus.code", contains("MI-BAND-8-BLACK", "MI-BAND-8-GOLD"))
                .body("skus[0].price.amountMinor", equalTo(4999))
                .body("skus[0].price.currency", equalTo("USD"))
                .body("skus[0].options.colour", equalTo("Graphite Black"));
    }

    @Test
    void unknownProductAndRegionAreProblems() {
        given().get(PRODUCTS + "/{slug}", "US", "no-such-thing").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("PRODUCT_NOT_FOUND"));
        given().get(PRODUCTS + "/{slug}", "XX", "mi-band-8").then()
                .statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
        given().get(PRODUCTS, "XX").then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
    }

    @Test
    void availabilityExplainsEverySku() {
        given().get(PRODUCTS + "/{slug}/availability", "US", "mi-note-pro").then()
                .statusCode(200)
                .body("available", equalTo(false))
                .body("reasons.code", contains("CATEGORY_NOT_SOLD", "NO_PRICE"))
                .body("skus.code", contains("MI-NOTE-PRO-64GB-GOLD"))
                .body("skus[0].available", equalTo(false))
                .body("skus[0].price", nullValue())
                .body("availableIn", hasItem("CN"));
        given().get(PRODUCTS + "/{slug}/availability", "CN", "mi-note-pro").then()
                .statusCode(200)
                .body("available", equalTo(true))
                .body("reasons", org.hamcrest.Matchers.empty())
                .body("skus[0].price.currency", equalTo("CNY"));
        given().get(PRODUCTS + "/{slug}/availability", "US", "nope").then()
                .statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
    }

    @Test
    void pagesWalkToTheEndWithoutDuplicatesOrGaps() {
        List<String> all = allSlugs("CN", 100, null);
        assertThat(all).isSorted().doesNotHaveDuplicates().hasSizeGreaterThan(10);
        for (int size : new int[] {1, 2, 3, 5}) {
            assertThat(allSlugs("CN", size, null)).as("page size %d", size).isEqualTo(all);
        }
        List<String> phones = allSlugs("CN", 2, "PHONE");
        assertThat(phones).isNotEmpty().isSubsetOf(all).doesNotHaveDuplicates();
    }

    @Test
    void emptyParametersMeanNotGiven() {
        List<String> firstPage = given().get(PRODUCTS, "CN").then().statusCode(200)
                .extract().jsonPath().getList("items.slug");
        given().queryParam("cursor", "").queryParam("category", "").queryParam("q", " ").queryParam("limit", "")
                .get(PRODUCTS, "CN").then()
                .statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.equalTo(firstPage));
    }

    @Test
    void badParametersAre400WithFieldErrors() {
        for (String limit : List.of("0", "101", "abc", "-5")) {
            given().queryParam("limit", limit).get(PRODUCTS, "US").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", contains("limit"));
        }
        given().queryParam("cursor", "not-a-cursor").get(PRODUCTS, "US").then()
                .statusCode(400).body("errors.field", contains("cursor"));
        given().queryParam("category", "TOASTERS").get(PRODUCTS, "US").then()
                .statusCode(400).body("errors.field", contains("category"));
        given().queryParam("q", "x".repeat(201)).get(PRODUCTS, "US").then()
                .statusCode(400).body("errors.field", contains("q"));
        given().queryParam("limit", "0").queryParam("category", "NOPE").get(PRODUCTS, "US").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("limit", "category"));
    }

    @Test
    void searchFindsWordsInTheRequestedLanguage() {
        given().header("Accept-Language", "de-DE,de;q=0.9").queryParam("q", "Kopfhörer").get(PRODUCTS, "EU").then()
                .statusCode(200)
                .header("Content-Language", "de")
                .body("items.slug", hasItems("mi-headphones", "mi-in-ear-headphones"))
                .body("items.category", everyItem(equalTo("AUDIO")));
        // German stemming: "Akkulaufzeit" only in the band's description, searched as a whole word.
        given().header("Accept-Language", "de").queryParam("q", "Akkulaufzeit").get(PRODUCTS, "EU").then()
                .statusCode(200).body("items.slug", contains("mi-band-8"));
        // Chinese has no word breaks: a substring finds the bands.
        given().queryParam("q", "手环").get(PRODUCTS, "CN").then()
                .statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("items.slug", containsInAnyOrder("mi-band-8", "mi-band-8-pro"));
        given().queryParam("q", "power bank").get(PRODUCTS, "US").then()
                .statusCode(200)
                .body("items.slug", hasItems("mi-power-bank-10000", "mi-power-bank-20000"))
                .body("items.slug", not(hasItem("mi-band-8")));
        given().queryParam("q", "phone").get(PRODUCTS, "US").then()
                .statusCode(200).body("items.category", everyItem(not(equalTo("PHONE"))));
    }

    @Test
    void textFollowsAcceptLanguageWithTheRegionDefaultAsFallback() {
        given().header("Accept-Language", "de").get(PRODUCTS + "/{slug}", "EU", "mi-headphones").then()
                .statusCode(200).header("Content-Language", "de").body("name", equalTo("Mi Kopfhörer"));
        given().header("Accept-Language", "ja").get(PRODUCTS + "/{slug}", "EU", "mi-headphones").then()
                .statusCode(200).header("Content-Language", "en").body("name", equalTo("Mi Headphones"));
        given().get(PRODUCTS + "/{slug}", "CN", "mi-headphones").then()
                .statusCode(200).header("Content-Language", "zh-CN").body("name", equalTo("小米头戴式耳机"));
        // French is offered in the EU but the product has no French text: English, the next preference.
        given().header("Accept-Language", "fr").get(PRODUCTS + "/{slug}", "EU", "mi-headphones").then()
                .statusCode(200).header("Content-Language", "fr").body("name", equalTo("Mi Headphones"));
    }

    @Test
    void catalogReadsCarryStrongEtagsAndAnswer304() {
        for (String path : List.of("/api/v1/regions/US/products", "/api/v1/regions/US/products/mi-band-8",
                "/api/v1/regions/US/products/mi-band-8/availability", "/api/v1/regions", "/api/v1/regions/US")) {
            Response first = given().get(path);
            first.then().statusCode(200).header("Cache-Control", notNullValue());
            String etag = first.header("ETag");
            assertThat(etag).as(path).startsWith("\"").endsWith("\"");
            given().header("If-None-Match", etag).get(path).then()
                    .statusCode(304).header("ETag", etag);
            given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
        }
        String english = given().get("/api/v1/regions/EU/products/mi-headphones").header("ETag");
        String german = given().header("Accept-Language", "de").get("/api/v1/regions/EU/products/mi-headphones")
                .then().header("Vary", "Accept-Language").extract().header("ETag");
        assertThat(german).isNotEqualTo(english);
    }
}
