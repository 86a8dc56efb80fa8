package storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every sort walks the same products as the default order, a page at a time, none twice and none skipped. */
@QuarkusTest
class CatalogSortTest {

    /** Every item of the listing under {@code sort} (null: the default), two at a time. */
    private static List<JsonPath> walk(String region, String sort, String q, String language) {
        List<JsonPath> items = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Accept-Language", language).queryParam("limit", 2);
            if (sort != null) {
                request = request.queryParam("sort", sort);
            }
            if (q != null) {
                request = request.queryParam("q", q);
            }
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/regions/{r}/products", region).then().statusCode(200).extract()
                    .jsonPath();
            for (int i = 0; i < page.getList("items").size(); i++) {
                items.add(new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    private static List<String> slugs(List<JsonPath> items) {
        return items.stream().map(i -> i.getString("slug")).toList();
    }

    @Test
    void pricesAscendingAndDescendingWalkEveryProductOnce() {
        List<String> all = slugs(walk("US", null, null, "en"));
        List<JsonPath> up = walk("US", "price_asc", null, "en");
        List<JsonPath> down = walk("US", "price_desc", null, "en");
        assertThat(slugs(up)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(slugs(down)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        List<Long> upPrices = up.stream().map(i -> i.getLong("priceRange.min.amountMinor")).toList();
        List<Long> downPrices = down.stream().map(i -> i.getLong("priceRange.min.amountMinor")).toList();
        assertThat(upPrices).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(downPrices).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(upPrices.get(0)).isLessThan(upPrices.get(upPrices.size() - 1));
    }

    @Test
    void namesInTheResponseLanguageAndNewestFirst() {
        List<String> all = slugs(walk("EU", null, null, "de"));
        List<JsonPath> byName = walk("EU", "name", null, "de");
        assertThat(slugs(byName)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        List<String> names = byName.stream().map(i -> i.getString("name").toLowerCase(Locale.ROOT)).toList();
        assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(names).contains("mi kopfhörer");
        assertThat(slugs(walk("EU", "newest", null, "de"))).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void relevanceRanksTheWordsOfQAndACursorKeepsItsSort() {
        List<JsonPath> ranked = walk("US", "relevance", "power bank", "en");
        assertThat(slugs(ranked)).isNotEmpty().doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(slugs(walk("US", null, "power bank", "en")));
        assertThat(ranked.get(0).getString("slug")).contains("power-bank");
        given().queryParam("sort", "relevance").get("/api/v1/regions/US/products").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("sort", "cheapest").get("/api/v1/regions/US/products").then().statusCode(400);
        String cursor = given().queryParam("sort", "price_asc").queryParam("limit", 1)
                .get("/api/v1/regions/US/products").then().statusCode(200).extract().path("nextCursor");
        given().queryParam("sort", "name").queryParam("cursor", cursor).get("/api/v1/regions/US/products").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", cursor).get("/api/v1/regions/US/products").then().statusCode(400);
        // A cursor whose key is not what the sort issued is refused before SQL sees it.
        for (String forged : List.of("PRICE_ASC|mi-4|abc", "NEWEST|mi-4|yesterday", "RELEVANCE|mi-4|NaN",
                "PRICE_ASC|mi-4|-1")) {
            String token = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("k1:" + forged).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            given().queryParam("sort", forged.substring(0, forged.indexOf('|')).toLowerCase(Locale.ROOT))
                    .queryParam("q", "band").queryParam("cursor", token).get("/api/v1/regions/US/products").then()
                    .statusCode(400).body("errors[0].field", equalTo("cursor"));
        }
    }
}
