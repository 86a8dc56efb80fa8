package storefront.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import storefront.common.CatalogVersion;

/** A deployment that serves some regions (SERVED_REGIONS) sends shoppers of the others elsewhere. */
@QuarkusTest
@TestProfile(ServedRegionsTest.UsAndEu.class)
class ServedRegionsTest {

    public static class UsAndEu implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.regions.served", " us, EU");
        }
    }

    @Inject
    CatalogVersion version;
    @Inject
    Pool pool;

    @Test
    void regionsServedElsewhereAnswer421NamingTheRegionsServedHere() {
        given().get("/api/v1/regions/US/products").then().statusCode(200);
        given().get("/api/v1/regions/CN/products").then().statusCode(421)
                .contentType("application/problem+json").body("code", equalTo("REGION_NOT_SERVED_HERE"))
                .body("region", equalTo("CN")).body("servedHere", contains("EU", "US"));
        given().contentType("application/json").body(Map.of("region", "IN")).post("/api/v1/carts")
                .then().statusCode(421).body("code", equalTo("REGION_NOT_SERVED_HERE"));
        given().contentType("application/json").body(Map.of("region", "EU")).post("/api/v1/carts")
                .then().statusCode(201);
        // An unknown region is still unknown, not elsewhere.
        given().get("/api/v1/regions/XX/products").then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
    }

    @Test
    void aServedRegionThatDoesNotExistStopsTheStartWithAReadableMessage() {
        RegionDirectory misconfigured = new RegionDirectory(version, new RegionRepository(pool),
                Optional.of(List.of("US", "ZZ")));
        assertThatThrownBy(() -> misconfigured.checkServedRegions(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SERVED_REGIONS names regions that do not exist: ZZ. This database has ")
                .hasMessageContaining("US");
    }
}
