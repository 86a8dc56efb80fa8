package storefront.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionResourceTest {

    @Test
    void listsTheDemoRegionsWithCurrencyTaxAndCategories() {
        given().get("/api/v1/regions").then()
                .statusCode(200)
                .body("code", contains("CN", "EU", "IN", "US"))
                .body("find { it.code == 'US' }.currency", equalTo("USD"))
                .body("find { it.code == 'US' }.taxMode", equalTo("EXCLUSIVE"))
                .body("find { it.code == 'US' }.categories", not(hasItem("PHONE")))
                .body("find { it.code == 'EU' }.taxMode", equalTo("INCLUSIVE"))
                .body("find { it.code == 'EU' }.countries", hasItems("DE", "FR", "IT", "ES", "NL"))
                .body("find { it.code == 'CN' }.categories", hasItems("PHONE", "WEARABLE", "AUDIO", "POWER"))
                .body("find { it.code == 'IN' }.currency", equalTo("INR"));
    }

    @Test
    void getsOneRegionCaseInsensitively() {
        given().get("/api/v1/regions/cn").then()
                .statusCode(200)
                .body("code", equalTo("CN"))
                .body("defaultLocale", equalTo("zh-CN"))
                .body("currency", equalTo("CNY"));
    }

    @Test
    void unknownRegionIsAProblem() {
        given().get("/api/v1/regions/XX").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("REGION_NOT_FOUND"))
                .body("status", equalTo(404));
    }

    @Test
    void resolvesTheRegionThatServesACountry() {
        given().queryParam("country", "de").get("/api/v1/regions/resolve").then()
                .statusCode(200).body("code", equalTo("EU"));
        given().queryParam("country", "IN").get("/api/v1/regions/resolve").then()
                .statusCode(200).body("code", equalTo("IN"));
    }

    @Test
    void countryServedByNoRegionIs404() {
        given().queryParam("country", "BR").get("/api/v1/regions/resolve").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("COUNTRY_NOT_SERVED"));
    }

    @Test
    void malformedCountryIs400WithTheField() {
        for (String bad : new String[] {"DEU", "1", ""}) {
            given().queryParam("country", bad).get("/api/v1/regions/resolve").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", contains("country"));
        }
        given().get("/api/v1/regions/resolve").then().statusCode(400).body("errors.field", contains("country"));
    }

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/api/v1/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }
}
