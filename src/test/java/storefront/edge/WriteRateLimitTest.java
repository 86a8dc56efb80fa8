package storefront.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
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
        // The burst of 3 goes through; writing on faster than one a second meets the limit (however slowly
        // this machine answers, 20 writes outrun 3 + 1 per second).
        int created = 0;
        Response last = null;
        for (int i = 0; i < 20; i++) {
            last = given().contentType("application/json").body("{\"region\": \"US\"}").post("/api/v1/carts");
            if (last.statusCode() != 201) {
                break;
            }
            created++;
        }
        assertThat(created).isGreaterThanOrEqualTo(3).isLessThan(20);
        last.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "1").body("code", equalTo("WRITE_RATE_LIMITED"));
        // Reads are not limited, nor are Stripe's deliveries (refused here for their missing signature).
        given().get("/api/v1/regions").then().statusCode(200);
        given().contentType("application/json").body("{}").post("/api/v1/webhooks/stripe")
                .then().statusCode(not(equalTo(429)));
    }
}
