package storefront.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import storefront.LogCapture;
import storefront.checkout.Shop;
import storefront.checkout.StripeMock;

@QuarkusTest
class EdgeTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void everyAnswerCarriesItsRequestIdAndEveryProblemBodyToo() {
        given().header("X-Request-Id", "shop-7f3a:42").get("/api/v1/regions/XX/products")
                .then().statusCode(404).header("X-Request-Id", "shop-7f3a:42")
                .contentType("application/problem+json")
                .body("code", equalTo("REGION_NOT_FOUND")).body("requestId", equalTo("shop-7f3a:42"));

        Response made = given().get("/api/v1/regions/XX/products");
        String id = made.header("X-Request-Id");
        assertThat(id).matches(UUID_PATTERN);
        assertThat(made.jsonPath().getString("requestId")).isEqualTo(id);
        assertThat(given().get("/api/v1/regions").header("X-Request-Id")).matches(UUID_PATTERN).isNotEqualTo(id);

        // An id that is not a plain token (spaces, too long) is replaced, never echoed.
        assertThat(given().header("X-Request-Id", "two words").get("/api/v1/regions").header("X-Request-Id"))
                .matches(UUID_PATTERN);
        assertThat(given().header("X-Request-Id", "x".repeat(129)).get("/api/v1/regions").header("X-Request-Id"))
                .matches(UUID_PATTERN);

        // A cached problem (a phone asked for in the US) still names each request's own id.
        for (String ask : List.of("first-ask", "second-ask")) {
            given().header("X-Request-Id", ask).get("/api/v1/regions/US/products/redmi-note-3")
                    .then().statusCode(404).header("X-Request-Id", ask)
                    .body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                    .body("requestId", equalTo(ask)).body("region", equalTo("US"));
        }
        // Answers that are not problems are left as they are.
        assertThat(given().header("X-Request-Id", "plain").get("/api/v1/regions").then().statusCode(200)
                .extract().asString()).doesNotContain("requestId");
    }

    @Test
    void logLinesWrittenForARequestCarryItsId() {
        List<LogRecord> records;
        try (LogCapture log = LogCapture.of("storefront")) {
            String payload = Shop.intentEvent("payment_intent.succeeded", "pi_edge_" + UUID.randomUUID(),
                    UUID.randomUUID().toString(), 1000, "usd");
            given().header("X-Request-Id", "webhook-delivery-1").contentType("application/json; charset=utf-8")
                    .header("Stripe-Signature", StripeMock.sign(payload, Instant.now().getEpochSecond(),
                            StripeMock.WEBHOOK_SECRET))
                    .body(payload).post("/api/v1/webhooks/stripe")
                    .then().statusCode(200).body("outcome", equalTo("UNKNOWN_ORDER"));
            records = log.records();
        }
        // The warning about the unknown order and the line about the event, both written asynchronously.
        List<String> forThisRequest = records.stream()
                .map(r -> r instanceof ExtLogRecord ext ? String.valueOf(ext.getMdc("requestId")) : "none")
                .filter("webhook-delivery-1"::equals).toList();
        assertThat(forThisRequest).hasSizeGreaterThanOrEqualTo(2);
        assertThat(records.stream().map(LogRecord::getMessage).toList())
                .anySatisfy(m -> assertThat(m).contains("names no known order"));
    }

    @Test
    void answersCarrySecurityHeaders() {
        given().get("/api/v1/regions").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void browsersMayCallFromConfiguredOriginsOnly() {
        given().header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key,authorization")
                .options("/api/v1/carts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example")
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        given().header("Origin", "https://shop.example").get("/api/v1/regions")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://shop.example")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));

        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/carts")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").get("/api/v1/regions")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"region\": \"US\", \"note\": \"" + "x".repeat(1_100_000) + "\"}";
        given().contentType("application/json").header("X-Request-Id", "too-big").body(huge).post("/api/v1/carts")
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE")).body("requestId", equalTo("too-big"))
                .body("detail", matchesPattern(".*at most 1048576 .*"));
        given().contentType("application/json").body("{\"region\": \"US\"}").post("/api/v1/carts")
                .then().statusCode(201);
    }
}
