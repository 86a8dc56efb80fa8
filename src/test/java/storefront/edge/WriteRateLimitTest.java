package storefront.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WriteRateLimitTest.LowWriteRate.class)
class WriteRateLimitTest {

    public static class LowWriteRate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.http.write-rate.burst", "3", "storefront.http.write-rate.per-second", "1");
        }
    }

    @Test
    void aClientThatWritesTooFastIsToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body("{\"region\": \"US\"}").post("/api/v1/carts")
                    .then().statusCode(201);
        }
        given().contentType("application/json").body("{\"region\": \"US\"}").post("/api/v1/carts")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "1").body("code", equalTo("WRITE_RATE_LIMITED"));
        // Reads are not limited, nor are Stripe's deliveries (refused here for their missing signature).
        given().get("/api/v1/regions").then().statusCode(200);
        given().contentType("application/json").body("{}").post("/api/v1/webhooks/stripe")
                .then().statusCode(not(equalTo(429)));
    }
}
