package storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Search that forgives accents, case, spacing and small misspellings, and finds Chinese by its characters. */
@QuarkusTest
class CatalogSearchTest {

    static Stream<Arguments> searches() {
        return Stream.of(
                // Accents and case never matter.
                Arguments.of("EU", "de", "kopfhorer", "mi-headphones"),
                Arguments.of("EU", "de", "KOPFHÖRER", "mi-headphones"),
                // Compound and spacing variants, both ways.
                Arguments.of("US", "en", "powerbank", "mi-power-bank-20000"),
                Arguments.of("EU", "de", "power bank", "mi-power-bank-20000"),
                // Small misspellings.
                Arguments.of("US", "en", "headphonse", "mi-headphones"),
                Arguments.of("US", "en", "fitnes", "mi-band-8"),
                // Chinese by its characters.
                Arguments.of("CN", "zh-CN", "耳机", "mi-headphones"),
                Arguments.of("CN", "zh-CN", "手环", "mi-band-8"));
    }

    @ParameterizedTest(name = "{2} in {0}")
    @MethodSource("searches")
    void finds(String region, String language, String q, String expected) {
        List<String> found = given().header("Accept-Language", language).queryParam("q", q).queryParam("limit", 100)
                .get("/api/v1/regions/{r}/products", region).then().statusCode(200).extract().path("items.slug");
        assertThat(found).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misses")
    void doesNotFindWhatIsNotThere(String q) {
        List<String> found = given().queryParam("q", q).get("/api/v1/regions/US/products").then().statusCode(200)
                .extract().path("items.slug");
        assertThat(found).isEmpty();
    }

    static Stream<String> misses() {
        // LIKE's wildcards and escape in a query stand for themselves: no product text contains them.
        return Stream.of("refrigerator", "xqzv", "%", "_", "%%%", "\\");
    }
}
