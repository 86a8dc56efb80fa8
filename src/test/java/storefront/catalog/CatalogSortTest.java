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

    /** The first item of a US listing page under {@code sort}, in English. */
    private static JsonPath first(String sort) {
        return new JsonPath(given().queryParam("sort", sort).queryParam("limit", 1)
                .get("/api/v1/regions/US/products").then().statusCode(200).extract().asString())
                .setRootPath("items[0]");
    }

    /**
     * The price and launch orders walk a table of each product's prices and
     * launch per region that the database keeps: every write that moves them
     * (a price set, a price taken away, a sales window) moves the order at once.
     */
    @Test
    void thePriceAndLaunchOrdersFollowEveryWriteThatMovesThem() {
        String slug = "mi-sort-probe";
        String admin = storefront.ops.Ops.ADMIN;
        String etag = given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("slug", slug, "category", "WEARABLE",
                        "certifications", List.of("FCC", "CE", "CCC", "BIS"),
                        "texts", List.of(java.util.Map.of("locale", "en", "name", "Mi Sort Probe")),
                        "skus", List.of(java.util.Map.of("code", "PROBE-A"), java.util.Map.of("code", "PROBE-B")),
                        "reason", "Probe of the listing orders"))
                .post("/api/v1/admin/products").then().statusCode(201).extract().header("ETag");
        etag = given().auth().oauth2(admin).header("If-Match", etag).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("currency", "USD", "prices", java.util.Map.of("PROBE-A", 1, "PROBE-B", 2),
                        "reason", "cheapest of all"))
                .put("/api/v1/admin/products/{s}/prices/{r}", slug, "US").then().statusCode(200).extract()
                .header("ETag");
        storefront.Await.until("the probe is the cheapest", () -> slug.equals(first("price_asc").getString("slug")));
        assertThat(first("price_asc").getLong("priceRange.max.amountMinor")).isEqualTo(2);
        assertThat(first("newest").getString("slug")).isEqualTo(slug);

        // PROBE-A loses its price: the range is what is left, and now the dearest of all.
        given().auth().oauth2(admin).header("If-Match", etag).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("currency", "USD", "prices", java.util.Map.of("PROBE-B", 99_999_999),
                        "reason", "dearest of all"))
                .put("/api/v1/admin/products/{s}/prices/{r}", slug, "US").then().statusCode(200);
        storefront.Await.until("the probe is the dearest", () -> slug.equals(first("price_desc").getString("slug")));
        assertThat(first("price_desc").getLong("priceRange.min.amountMinor")).isEqualTo(99_999_999);
        assertThat(first("price_asc").getString("slug")).isNotEqualTo(slug);

        // A sales window that opened long ago makes it the oldest launch, not the newest.
        storefront.ops.Ops.window(admin, "US", slug, java.util.Map.of("availableFrom", "2001-01-01T00:00:00Z",
                "reason", "Launched long ago")).then().statusCode(200);
        storefront.Await.until("the probe launched in 2001", () -> !slug.equals(first("newest").getString("slug")));
        List<String> newest = slugs(walk("US", "newest", null, "en"));
        assertThat(newest.get(newest.size() - 1)).isEqualTo(slug);
    }

    /**
     * The name order walks a table of each product's name per region and language that the database keeps: a
     * renamed product moves in it at once, and a name the response language lacks falls back as the listing's does.
     */
    @Test
    void theNameOrderFollowsARename() {
        String slug = "mi-name-probe";
        String admin = storefront.ops.Ops.ADMIN;
        java.util.function.Function<String, java.util.Map<String, Object>> named = name -> java.util.Map.of(
                "slug", slug, "category", "WEARABLE", "certifications", List.of("FCC", "CE", "CCC", "BIS"),
                "texts", List.of(java.util.Map.of("locale", "en", "name", name)),
                "skus", List.of(java.util.Map.of("code", "NAME-PROBE-A")), "reason", "Probe of the name order");
        String etag = given().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON)
                .body(named.apply("Zz Name Probe")).post("/api/v1/admin/products").then().statusCode(201).extract()
                .header("ETag");
        etag = given().auth().oauth2(admin).header("If-Match", etag).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("currency", "USD", "prices", java.util.Map.of("NAME-PROBE-A", 5_000),
                        "reason", "listed in the US"))
                .put("/api/v1/admin/products/{s}/prices/{r}", slug, "US").then().statusCode(200).extract()
                .header("ETag");
        storefront.Await.until("the probe is listed", () -> slugs(walk("US", "name", null, "en")).contains(slug));
        assertThat(first("name").getString("slug")).isNotEqualTo(slug);

        given().auth().oauth2(admin).header("If-Match", etag).contentType(io.restassured.http.ContentType.JSON)
                .body(named.apply("0 Name Probe")).put("/api/v1/admin/products/{s}", slug).then().statusCode(200);
        storefront.Await.until("the renamed probe comes first", () -> slug.equals(first("name").getString("slug")));
        assertThat(first("name").getString("name")).isEqualTo("0 Name Probe");
        // In a language it has no text in, it keeps the English name and its place.
        List<JsonPath> inSpanish = walk("US", "name", null, "es");
        assertThat(inSpanish.get(0).getString("slug")).isEqualTo(slug);
        assertThat(inSpanish.get(0).getString("name")).isEqualTo("0 Name Probe");
    }
}
