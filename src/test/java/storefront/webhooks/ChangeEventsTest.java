package storefront.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import storefront.TestClock;
import storefront.Tokens;
import storefront.catalog.AvailabilityLedger;
import storefront.flashsale.FlashSaleAnnouncer;
import storefront.flashsale.FlashSales;
import storefront.inventory.TestSkus;
import storefront.ops.Ops;

/**
 * The events of changes that follow from the one availability decision and
 * from the clock: a product becoming available or not in a region, whatever
 * moved it (a toggle, a price, a certification, a sales window reaching its
 * instant), and a flash sale going live, selling out and ending; each once,
 * whichever replica gets there first.
 */
@QuarkusTest
class ChangeEventsTest {

    static final String ADMIN = WebhooksTest.ADMIN;
    static final List<String> PRODUCT_EVENTS = List.of("storefront.product.available", "storefront.product.unavailable");

    @Inject
    Pool pool;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    AvailabilityLedger ledger;
    @Inject
    FlashSaleAnnouncer announcer;

    Receiver receiver;
    String subscription;

    @BeforeEach
    void receive() throws Exception {
        receiver = new Receiver();
        // Another test may have decided a region at a time it set ahead; decide from the real time on.
        pool.query("update availability_region set decided_at = now() - interval '1 day'").execute()
                .await().indefinitely();
        pool.query("update availability_clock set decided_until = now()").execute().await().indefinitely();
    }

    @AfterEach
    void stop() throws Exception {
        TestClock.reset();
        receiver.close();
        if (subscription != null) {
            pool.preparedQuery("delete from webhook_subscription where id = $1")
                    .execute(Tuple.of(UUID.fromString(subscription))).await().indefinitely();
        }
    }

    void subscribe(List<String> types, List<String> regions) {
        subscription = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/hooks"), "eventTypes", types, "regions", regions,
                        "reason", "change events test"))
                .post("/api/v1/admin/webhooks").then().statusCode(201).extract().path("subscription.id");
    }

    /** Every event received so far, each checked against the contract, in the order received. */
    List<JsonNode> received() throws Exception {
        dispatcher.dispatchUntilIdle().await().atMost(Duration.ofSeconds(30));
        List<JsonNode> events = new ArrayList<>();
        for (Receiver.Received r : receiver.received) {
            events.add(WebhooksTest.event(r));
        }
        return events;
    }

    static List<String> reasonCodes(JsonNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(reason -> codes.add(reason.get("code").asText()));
        return codes;
    }

    @Test
    void aToggleIsAnEventEachWayWithTheReasonsAndADryRunIsNone() throws Exception {
        subscribe(PRODUCT_EVENTS, List.of("EU"));
        Ops.listed(ADMIN, "EU", "mi-band-8", false, "Recall check").then().statusCode(200);
        Ops.changeSet(ADMIN, true, "What if", List.of(Map.of("type", "LIST_PRODUCT", "region", "EU",
                "product", "mi-band-8"))).then().statusCode(200);
        Ops.listed(ADMIN, "EU", "mi-band-8", true, "Recall cleared").then().statusCode(200);
        // Delisting something shoppers cannot buy anyway (no CE marking) flips nothing.
        Ops.listed(ADMIN, "EU", "mi-wireless-power-bank-10000", false, "Tidy up").then().statusCode(200);
        Ops.listed(ADMIN, "EU", "mi-wireless-power-bank-10000", true, "Tidy up").then().statusCode(200);

        List<JsonNode> events = received();
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("storefront.product.unavailable", "storefront.product.available");
        JsonNode off = events.get(0);
        assertThat(off.get("subject").asText()).isEqualTo("product/EU/mi-band-8");
        assertThat(off.get("region").asText()).isEqualTo("EU");
        assertThat(off.get("data").get("available").asBoolean()).isFalse();
        assertThat(reasonCodes(off.get("data").get("reasons"))).containsExactly("PRODUCT_DELISTED");
        assertThat(off.get("data").get("reasons").get(0).get("message").asText()).contains("Recall check");
        JsonNode on = events.get(1);
        assertThat(on.get("data").get("available").asBoolean()).isTrue();
        assertThat(on.get("data").get("reasons")).isEmpty();
        assertThat(reasonCodes(on.get("data").get("previousReasons"))).containsExactly("PRODUCT_DELISTED");
    }

    @Test
    void closingARegionTellsOfEveryProductItsShoppersCouldBuy() throws Exception {
        subscribe(PRODUCT_EVENTS, List.of("IN"));
        List<String> buyable = Ops.listing("IN");
        Ops.regionOpen(ADMIN, "IN", false, "Payment outage").then().statusCode(200);
        try {
            List<JsonNode> events = received();
            assertThat(events).extracting(e -> e.get("data").get("product").asText())
                    .containsExactlyInAnyOrderElementsOf(buyable);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("storefront.product.unavailable");
                assertThat(reasonCodes(e.get("data").get("reasons"))).containsExactly("REGION_CLOSED");
            });
        } finally {
            Ops.regionOpen(ADMIN, "IN", true, "Payments back").then().statusCode(200);
        }
        assertThat(received()).hasSize(buyable.size() * 2);
    }

    @Test
    void aPriceACertificationAndARetirementMoveAvailabilityToo() throws Exception {
        subscribe(PRODUCT_EVENTS, List.of("US"));
        String slug = "event-scale-" + UUID.randomUUID().toString().substring(0, 8);
        String sku = slug.toUpperCase();
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("slug", slug);
        product.put("category", "WEARABLE");
        product.put("certifications", List.of("FCC"));
        product.put("texts", List.of(Map.of("locale", "en", "name", "Event Scale")));
        product.put("skus", List.of(Map.of("code", sku, "options", Map.of("color", "white"))));
        product.put("reason", "New product");
        String etag = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(product)
                .post("/api/v1/admin/products").then().statusCode(201).extract().header("ETag");
        // Created without a price: not available, and never was, so nothing to tell.
        assertThat(received()).isEmpty();

        etag = given().auth().oauth2(ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("currency", "USD", "prices", Map.of(sku, 2999), "reason", "Launch pricing"))
                .put("/api/v1/admin/products/{s}/prices/{r}", slug, "US").then().statusCode(200)
                .extract().header("ETag");
        product.remove("slug");
        product.put("certifications", List.of());
        product.put("reason", "FCC grant withdrawn");
        etag = given().auth().oauth2(ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(product)
                .put("/api/v1/admin/products/{s}", slug).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("reason", "End of life")).post("/api/v1/admin/products/{s}/retirement", slug)
                .then().statusCode(200);

        List<JsonNode> events = received();
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("storefront.product.available", "storefront.product.unavailable");
        assertThat(events).extracting(e -> e.get("subject").asText()).containsOnly("product/US/" + slug);
        assertThat(reasonCodes(events.get(0).get("data").get("previousReasons"))).containsExactly("NO_PRICE");
        assertThat(events.get(0).get("data").get("category").asText()).isEqualTo("WEARABLE");
        JsonNode off = events.get(1).get("data");
        assertThat(reasonCodes(off.get("reasons"))).containsExactly("MISSING_CERTIFICATION");
        assertThat(off.get("reasons").get(0).get("certifications")).extracting(JsonNode::asText).containsExactly("FCC");
    }

    @Test
    void aWindowOpeningAtItsInstantIsOneEventWhicheverReplicaTicks() throws Exception {
        subscribe(PRODUCT_EVENTS, List.of("EU"));
        Instant opens = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Ops.window(ADMIN, "EU", "mi-headphones", Map.of("availableFrom", opens.toString(), "reason", "Launch"))
                .then().statusCode(200);
        try {
            // Before the instant the clock finds nothing; two replicas ticking at it decide it once.
            assertThat(ledger.tick().await().indefinitely()).isZero();
            TestClock.setTo(opens.plusMillis(500));
            List<Integer> flipped = Uni.join().all(ledger.tick(), ledger.tick()).andFailFast()
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(flipped.get(0) + flipped.get(1)).isEqualTo(1);
            assertThat(ledger.tick().await().indefinitely()).isZero();

            List<JsonNode> events = received();
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly("storefront.product.unavailable", "storefront.product.available");
            assertThat(reasonCodes(events.get(0).get("data").get("reasons"))).containsExactly("NOT_YET_LAUNCHED");
            JsonNode opened = events.get(1);
            assertThat(opened.get("subject").asText()).isEqualTo("product/EU/mi-headphones");
            assertThat(reasonCodes(opened.get("data").get("previousReasons"))).containsExactly("NOT_YET_LAUNCHED");
            assertThat(Instant.parse(opened.get("time").asText())).isAfterOrEqualTo(opens);
        } finally {
            TestClock.reset();
            Ops.window(ADMIN, "EU", "mi-headphones", Map.of("reason", "Launched")).then().statusCode(200);
        }
    }

    @Test
    void aFlashSaleIsLiveThenSoldOutThenEndedEachAnnouncedOnce() throws Exception {
        subscribe(List.of("storefront.flash_sale.live", "storefront.flash_sale.sold_out",
                "storefront.flash_sale.ended"), List.of("CN"));
        String sku = TestSkus.create(pool, "CN", 1500, 10);
        Instant ends = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String sale = FlashSales.create(sku, "CN", 1, 1, Instant.now().minusSeconds(5), ends)
                .then().statusCode(201).extract().path("sale.id");
        // Two replicas at once: the sale goes live once.
        Uni.join().all(announcer.announce(), announcer.announce()).andFailFast().await().atMost(Duration.ofSeconds(30));
        FlashSales.claim(Tokens.shopper("event-buyer-" + UUID.randomUUID()), sale, UUID.randomUUID().toString(),
                FlashSales.home()).then().statusCode(201);
        announcer.announce().await().indefinitely();
        TestClock.setTo(ends.plusSeconds(1));
        announcer.announce().await().indefinitely();
        announcer.announce().await().indefinitely();

        List<JsonNode> mine = received().stream()
                .filter(e -> e.get("subject").asText().equals("flash-sale/" + sale)).toList();
        assertThat(mine).extracting(e -> e.get("type").asText()).containsExactly("storefront.flash_sale.live",
                "storefront.flash_sale.sold_out", "storefront.flash_sale.ended");
        assertThat(mine).extracting(e -> e.get("data").get("state").asText())
                .containsExactly("LIVE", "SOLD_OUT", "ENDED");
        JsonNode first = mine.get(0).get("data");
        assertThat(first.get("sku").asText()).isEqualTo(sku);
        assertThat(first.get("unitsLeft").asInt()).isEqualTo(1);
        assertThat(first.get("price").get("currency").asText()).isEqualTo("CNY");
        assertThat(mine.get(1).get("data").get("unitsLeft").asInt()).isZero();
        assertThat(Instant.parse(first.get("endsAt").asText())).isEqualTo(ends);
    }
}
