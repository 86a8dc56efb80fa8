package storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import storefront.catalog.CatalogRepository.ListedProduct;
import storefront.catalog.CatalogRepository.ListingQuery;
import storefront.common.Problem;

/**
 * The facet index counts and narrows in memory what the listing's SQL decides:
 * for every demo region and a spread of filters, the listing's pages (which the
 * index narrows to candidates) hold exactly what the SQL filter alone allows,
 * and every count the facets give is the number of products the listing shows
 * when that value is chosen.
 */
@QuarkusTest
class FacetIndexTest {

    @Inject
    CatalogRepository repository;

    /** A filter as query parameters: name to values. */
    private static Map<String, List<String>> filter(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return params;
    }

    private static final List<Map<String, List<String>>> FILTERS = List.of(
            filter(),
            filter("option", "colour:Black"),
            filter("option", "colour:Silver", "minPrice", "2000", "maxPrice", "3000"),
            filter("inStock", "true"),
            filter("minPrice", "3000"),
            filter("spec", "water_resistant:true"),
            filter("spec", "capacity:5000..", "inStock", "true"),
            filter("spec", "ports:USB-C"),
            filter("category", "audio", "option", "colour:Black"),
            filter("q", "band", "inStock", "true"),
            filter("q", "power bank", "spec", "capacity:..15000"));

    private static RequestSpecification request(String language, Map<String, List<String>> params) {
        RequestSpecification request = given().header("Accept-Language", language);
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            for (String value : param.getValue()) {
                request = request.queryParam(param.getKey(), value);
            }
        }
        return request;
    }

    /** Every page of the listing, two products a page (so cursors are crossed), by slug. */
    private static List<String> walk(String region, String language, Map<String, List<String>> params) {
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = request(language, params).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/regions/{r}/products", region).then().statusCode(200)
                    .extract().jsonPath();
            slugs.addAll(page.getList("items.slug", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return slugs;
    }

    private static JsonPath facets(String region, String language, Map<String, List<String>> params) {
        return new JsonPath(request(language, params).queryParam("facets", true).queryParam("limit", 1)
                .get("/api/v1/regions/{r}/products", region).then().statusCode(200).extract().asString())
                .setRootPath("facets");
    }

    private static Map<String, List<String>> and(Map<String, List<String>> params, String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>();
        params.forEach((k, v) -> more.put(k, new ArrayList<>(v)));
        more.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return more;
    }

    /** The listing as the SQL filter alone decides it, without the index's candidates. */
    private List<String> bySql(String region, String language, String defaultLocale, Map<String, List<String>> p) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ListingFilter filter = ListingFilter.parse(first(p, "minPrice"), first(p, "maxPrice"), first(p, "inStock"),
                p.getOrDefault("option", List.of()), p.getOrDefault("spec", List.of()), errors);
        assertThat(errors).isEmpty();
        String category = first(p, "category") == null ? null : first(p, "category").toUpperCase();
        List<ListedProduct> found = repository.availableProducts(new ListingQuery(region, Instant.now(), category,
                first(p, "q"), language, defaultLocale, null, 1000, null, null, filter, null))
                .await().indefinitely();
        return found.stream().map(ListedProduct::slug).toList();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? null : values.get(0);
    }

    @Test
    void theNarrowedListingHoldsWhatTheSqlFilterAllows() {
        Map<String, String> languages = Map.of("US", "en", "EU", "de", "CN", "zh-CN", "IN", "en");
        Map<String, String> defaults = Map.of("US", "en", "EU", "en", "CN", "zh-CN", "IN", "en");
        int nonEmpty = 0;
        for (String region : languages.keySet()) {
            for (Map<String, List<String>> params : FILTERS) {
                List<String> expected = bySql(region, languages.get(region), defaults.get(region), params);
                assertThat(walk(region, languages.get(region), params)).as(region + " " + params)
                        .containsExactlyElementsOf(expected);
                assertThat(facets(region, languages.get(region), params).getInt("total")).as(region + " " + params)
                        .isEqualTo(expected.size());
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("filters that allow something").isGreaterThan(FILTERS.size() * 2);
    }

    @Test
    void eachCountIsWhatTheListingShowsWhenThatValueIsChosen() {
        for (String region : List.of("US", "CN")) {
            for (Map<String, List<String>> params : List.of(filter(), filter("q", "mi"),
                    filter("category", "wearable"))) {
                JsonPath facets = facets(region, "en", params);
                int total = facets.getInt("total");
                assertThat(total).isPositive();
                assertThat(facets.getInt("inStock")).isEqualTo(count(region, and(params, "inStock", "true")));
                Map<String, Integer> categories = new TreeMap<>();
                for (Map<String, Object> c : facets.<Map<String, Object>>getList("categories")) {
                    categories.put((String) c.get("code"), (Integer) c.get("count"));
                }
                assertThat(categories.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
                if (!params.containsKey("category")) {
                    categories.forEach((code, n) -> assertThat(count(region, and(params, "category",
                            code.toLowerCase()))).as(code).isEqualTo(n));
                }
                int values = 0;
                for (Map<String, Object> option : facets.<Map<String, Object>>getList("options")) {
                    for (Map<String, Object> value : asList(option.get("values"))) {
                        String chosen = option.get("code") + ":" + value.get("value");
                        assertThat(count(region, and(params, "option", chosen))).as(chosen)
                                .isEqualTo(value.get("count"));
                        values++;
                    }
                }
                for (Map<String, Object> spec : facets.<Map<String, Object>>getList("specifications")) {
                    if (spec.get("type").equals("NUMBER")) {
                        String range = spec.get("code") + ":" + spec.get("min") + ".." + spec.get("max");
                        assertThat(count(region, and(params, "spec", range))).as(range).isEqualTo(spec.get("count"));
                        continue;
                    }
                    for (Map<String, Object> value : asList(spec.get("values"))) {
                        String chosen = spec.get("code") + ":" + value.get("value");
                        assertThat(count(region, and(params, "spec", chosen))).as(chosen)
                                .isEqualTo(value.get("count"));
                        values++;
                    }
                }
                assertThat(values).as("values counted in " + region + " " + params).isGreaterThan(3);
            }
        }
    }

    private static int count(String region, Map<String, List<String>> params) {
        return walk(region, "en", params).size();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> asList(Object values) {
        return (List<Map<String, Object>>) values;
    }
}
