package storefront.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static storefront.ops.Ops.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import storefront.TestClock;
import storefront.Tokens;

/**
 * Each kind of toggle, end to end: the change is answered, and the very next
 * shopper request (listing, detail, availability reasons) shows it; undoing it
 * brings the catalog back.
 */
@QuarkusTest
class TogglesTest {

    @Test
    void delistingAProductHidesItWithTheReasonAndListingBringsItBack() {
        String slug = "mi-band-8";
        String lead = Tokens.ops("lead-us", "US");
        assertThat(Ops.listing("US")).contains(slug);
        Ops.listed(lead, "US", slug, false, "Strap recall").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("listed", equalTo(false)).body("delistedReason", equalTo("Strap recall"));
        try {
            // No waiting: the next request on this replica already sees it.
            assertThat(Ops.listing("US")).doesNotContain(slug);
            Ops.detail("US", slug).then().statusCode(404)
                    .body("code", equalTo("PRODUCT_NOT_AVAILABLE_IN_REGION"))
                    .body("reasons[0].code", equalTo("PRODUCT_DELISTED"))
                    .body("reasons[0].message", org.hamcrest.Matchers.containsString("Strap recall"));
            assertThat(Ops.reasonCodes("US", slug)).containsExactly("PRODUCT_DELISTED");
            assertThat(Ops.listing("EU")).as("other regions are untouched").contains(slug);
        } finally {
            Ops.listed(lead, "US", slug, true, "Recall over").then().statusCode(200).body("listed", equalTo(true))
                    .body("delistedReason", nullValue());
        }
        assertThat(Ops.listing("US")).contains(slug);
        Ops.detail("US", slug).then().statusCode(200);
    }

    @Test
    void stoppingACategoryHidesAllOfItsProducts() {
        List<String> audioBefore = given().queryParam("category", "AUDIO").queryParam("limit", 100)
                .get("/api/v1/regions/EU/products").then().extract().jsonPath().getList("items.slug");
        assertThat(audioBefore).isNotEmpty();
        Ops.category(ADMIN, "EU", "audio", false, "Supplier dispute").then().statusCode(200)
                .body("category", equalTo("AUDIO")).body("sold", equalTo(false));
        try {
            assertThat(Ops.listing("EU")).doesNotContainAnyElementsOf(audioBefore);
            assertThat(Ops.reasonCodes("EU", audioBefore.get(0))).containsExactly("CATEGORY_NOT_SOLD");
            given().get("/api/v1/regions/EU").then().body("categories", org.hamcrest.Matchers.not(
                    org.hamcrest.Matchers.hasItem("AUDIO")));
        } finally {
            Ops.category(ADMIN, "EU", "AUDIO", true, "Dispute settled").then().statusCode(200).body("sold", equalTo(true));
        }
        assertThat(Ops.listing("EU")).containsAll(audioBefore);
    }

    @Test
    void closingARegionHidesEverythingInItOnly() {
        String lead = Tokens.ops("lead-in", "IN");
        assertThat(Ops.listing("IN")).isNotEmpty();
        Ops.regionOpen(lead, "IN", false, "Payment outage").then().statusCode(200)
                .body("open", equalTo(false)).body("closedReason", equalTo("Payment outage"));
        try {
            assertThat(Ops.listing("IN")).isEmpty();
            assertThat(Ops.reasonCodes("IN", "mi-band-8")).containsExactly("REGION_CLOSED");
            // Shoppers are told why, as they are for a delisting.
            given().get("/api/v1/regions/IN/products/mi-band-8").then().statusCode(404)
                    .body("reasons[0].code", equalTo("REGION_CLOSED"))
                    .body("reasons[0].message", equalTo("Region IN is closed: Payment outage"));
            given().get("/api/v1/regions/IN").then().body("open", equalTo(false));
            assertThat(Ops.listing("CN")).isNotEmpty();
        } finally {
            Ops.regionOpen(lead, "IN", true, "Outage over").then().statusCode(200)
                    .body("open", equalTo(true)).body("closedReason", nullValue());
        }
        assertThat(Ops.listing("IN")).contains("mi-band-8");
    }

    @Test
    void aLaunchWindowHidesTheProductUntilItOpensAndClearingItShowsItAgain() {
        String slug = "mi-headphones";
        Instant launch = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Ops.window(ADMIN, "CN", slug, Map.of("availableFrom", launch.toString(), "reason", "Launch event"))
                .then().statusCode(200).body("availableFrom", equalTo(launch.toString()))
                .body("availableUntil", nullValue());
        try {
            assertThat(Ops.listing("CN")).doesNotContain(slug);
            assertThat(Ops.reasonCodes("CN", slug)).containsExactly("NOT_YET_LAUNCHED");
            // The preview shows the launch before it happens.
            given().auth().oauth2(Tokens.auditor("auditor-preview"))
                    .queryParam("at", launch.toString()).get("/api/v1/admin/regions/CN/preview").then().statusCode(200)
                    .body("products.find { it.product == '" + slug + "' }.available", equalTo(true));
            given().auth().oauth2(ADMIN).queryParam("at", launch.minusSeconds(1).toString())
                    .get("/api/v1/admin/regions/CN/preview").then().statusCode(200)
                    .body("products.find { it.product == '" + slug + "' }.reasons[0].code", equalTo("NOT_YET_LAUNCHED"));
        } finally {
            Map<String, Object> clear = new java.util.HashMap<>();
            clear.put("availableFrom", null);
            clear.put("availableUntil", null);
            clear.put("reason", "Launch moved up");
            Ops.window(ADMIN, "CN", slug, clear).then().statusCode(200).body("availableFrom", nullValue());
        }
        assertThat(Ops.listing("CN")).contains(slug);
    }

    @Test
    void aWindowSetThroughTheApiOpensAtItsInstantWithNobodyTouchingAnything() throws InterruptedException {
        String slug = "mi-in-ear-headphones";
        Instant launch = Instant.now().plusSeconds(3600);
        Ops.window(ADMIN, "US", slug, Map.of("availableFrom", launch.toString(), "reason", "Timed launch"))
                .then().statusCode(200);
        try {
            assertThat(Ops.listing("US")).doesNotContain(slug);
            TestClock.setTo(launch.minusSeconds(1));
            assertThat(Ops.detail("US", slug).statusCode()).as("a second before its instant").isEqualTo(404);
            TestClock.setTo(launch);
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (Ops.detail("US", slug).statusCode() != 200) {
                assertThat(System.nanoTime()).as("open within a second of its instant").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(Ops.listing("US")).contains(slug);
        } finally {
            TestClock.reset();
            Map<String, Object> clear = new java.util.HashMap<>();
            clear.put("availableFrom", null);
            clear.put("availableUntil", null);
            clear.put("reason", "cleanup");
            Ops.window(ADMIN, "US", slug, clear).then().statusCode(200);
        }
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        Instant t = Instant.now().plus(1, ChronoUnit.DAYS);
        Ops.window(ADMIN, "US", "mi-band-8", Map.of("availableFrom", t.toString(), "availableUntil", t.toString(),
                        "reason", "bad")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("availableUntil"));
        Ops.window(ADMIN, "US", "mi-band-8", Map.of("availableFrom", "next tuesday", "reason", "bad"))
                .then().statusCode(400).body("code", equalTo("MALFORMED_BODY"))
                .body("detail", org.hamcrest.Matchers.containsString("availableFrom"));
        given().auth().oauth2(ADMIN).header("If-Match", "*").contentType(ContentType.JSON).body("{not json")
                .put("/api/v1/admin/regions/US/products/mi-band-8/launch-window").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_BODY"));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/regions/US/products/mi-band-8").then()
                .body("availableFrom", nullValue()).body("availableUntil", nullValue());
    }

    @Test
    void everyChangeNeedsAReason() {
        Ops.regionOpen(ADMIN, "US", false, "  ").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        given().get("/api/v1/regions/US").then().body("open", equalTo(true));
    }

    @Test
    void unknownTargetsAre404() {
        given().auth().oauth2(ADMIN).get("/api/v1/admin/regions/XX/status")
                .then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
        given().auth().oauth2(ADMIN).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("open", false, "reason", "x")).put("/api/v1/admin/regions/XX/status")
                .then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
        given().auth().oauth2(ADMIN).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("sold", true, "reason", "x")).put("/api/v1/admin/regions/US/categories/TOASTERS")
                .then().statusCode(404).body("code", equalTo("CATEGORY_NOT_FOUND"));
        given().auth().oauth2(ADMIN).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("listed", false, "reason", "x")).put("/api/v1/admin/regions/US/products/no-such/listing")
                .then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        // A region that does not exist is named as such by every switch, a product's included.
        given().auth().oauth2(ADMIN).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("sold", true, "reason", "x")).put("/api/v1/admin/regions/XX/categories/WEARABLE")
                .then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
        given().auth().oauth2(ADMIN).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("listed", false, "reason", "x"))
                .put("/api/v1/admin/regions/XX/products/mi-band-8/listing")
                .then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
        given().auth().oauth2(ADMIN).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("availableFrom", "2030-01-01T00:00:00Z", "reason", "x"))
                .put("/api/v1/admin/regions/XX/products/mi-band-8/launch-window")
                .then().statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
    }

    @Test
    void previewListsEveryProductWithItsDecision() {
        JsonPath preview = given().auth().oauth2(Tokens.ops("lead-us", "US")).get("/api/v1/admin/regions/us/preview")
                .then().statusCode(200).body("region", equalTo("US")).extract().jsonPath();
        List<String> available = preview.getList("products.findAll { it.available }.product");
        assertThat(available).containsExactlyElementsOf(Ops.listing("US"));
        assertThat(preview.getInt("availableCount")).isEqualTo(available.size());
        assertThat(preview.getList("products.find { it.product == 'mi-note' }.reasons.code", String.class))
                .contains("CATEGORY_NOT_SOLD");
        given().auth().oauth2(ADMIN).queryParam("at", "tomorrow").get("/api/v1/admin/regions/US/preview")
                .then().statusCode(400).body("errors[0].field", equalTo("at"));
    }
}
