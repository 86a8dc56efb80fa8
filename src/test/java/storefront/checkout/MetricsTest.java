package storefront.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import storefront.Await;
import storefront.Tokens;
import storefront.ops.Ops;

/** /q/metrics: what operators graph, counted where it happens. */
@QuarkusTest
@QuarkusTestResource(StripeMock.class)
class MetricsTest {

    @Test
    void ordersPaymentsAndWebhookEventsAreCountedByRegionStateAndOutcome() {
        String placed = "storefront_orders_total{region=\"US\",state=\"PENDING_PAYMENT\"}";
        String paid = "storefront_orders_total{region=\"US\",state=\"PAID\"}";
        String succeeded = "storefront_payments_total{outcome=\"succeeded\",region=\"US\"}";
        String applied = "storefront_webhook_events_total{outcome=\"APPLIED\",type=\"payment_intent.succeeded\"}";
        Map<String, Double> before = Map.of(placed, value(placed), paid, value(paid), succeeded, value(succeeded),
                applied, value(applied));

        StripeMock.answerLikeStripe();
        JsonPath order = Shop.placeOrder("US", Map.of("MI-BAND-8-BLACK", 1), "US", "CA");
        Await.until("the order counted", () -> value(placed) == before.get(placed) + 1);
        Shop.webhook(Shop.intentEvent("payment_intent.succeeded", order.getString("payment.paymentIntentId"),
                order.getString("orderId"), order.getLong("totals.total.amountMinor"), "usd")).then().statusCode(200);
        Await.until("the payment counted", () -> value(paid) == before.get(paid) + 1);
        assertThat(value(succeeded)).isEqualTo(before.get(succeeded) + 1);
        assertThat(value(applied)).isEqualTo(before.get(applied) + 1);
    }

    @Test
    void claimsTogglesCacheHttpAndPoolAreExported() {
        String refused = "storefront_flash_sale_claims_total{outcome=\"FLASH_SALE_NOT_FOUND\"}";
        double claimsBefore = value(refused);
        given().header("Authorization", Tokens.bearer(Tokens.shopper("metrics-" + UUID.randomUUID())))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("shippingAddress", Map.of("name", "A", "line1", "1 Main St", "city", "Mumbai",
                        "postalCode", "400001", "country", "IN")))
                .post("/api/v1/flash-sales/{id}/claims", UUID.randomUUID()).then().statusCode(404);
        assertThat(value(refused)).isEqualTo(claimsBefore + 1);

        String toggled = "storefront_region_toggles_total{change=\"LIST_PRODUCT\",region=\"EU\"}";
        double togglesBefore = value(toggled);
        Ops.listed(Ops.ADMIN, "EU", "mi-band-8", true, "metrics test").then().statusCode(200);
        assertThat(value(toggled)).isEqualTo(togglesBefore + 1);

        String misses = "cache_gets_total{cache=\"catalog\",result=\"miss\"}";
        String hits = "cache_gets_total{cache=\"catalog\",result=\"hit\"}";
        double hitsBefore = value(hits);
        String page = "/api/v1/regions/EU/products?limit=3&q=" + UUID.randomUUID();
        double missesBefore = value(misses);
        given().get(page).then().statusCode(200);
        given().get(page).then().statusCode(200);
        assertThat(value(misses)).isEqualTo(missesBefore + 1);
        assertThat(value(hits)).isEqualTo(hitsBefore + 1);

        String metrics = metrics();
        // Latency per route (the template, not the URL), as a histogram.
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/api/v1/regions/\\{code\\}/products\",le=\"[0-9.+Inf]+\"\\}");
        // Bearer tokens trusted again without a second signature check.
        assertThat(metrics).contains("cache_gets_total{cache=\"verified-tokens\",result=\"miss\"}");
        // The database pool: connections in use and requests waiting for one.
        assertThat(metrics).contains("sql_pool_usage_seconds_count").contains("sql_pool_queue_delay_seconds_count");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series (0 before it first counts). */
    private static double value(String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
