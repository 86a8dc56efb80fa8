package storefront.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import storefront.TestClock;
import storefront.Tokens;
import storefront.checkout.Shop;
import storefront.common.Statements;
import storefront.events.EventType;
import storefront.events.Events;

/**
 * Events leave as signed CloudEvents to a real HTTP receiver: verified by the
 * Standard Webhooks reference library, at least once, in order per subject,
 * never twice at once, and never for a change that was rolled back.
 */
@QuarkusTest
class WebhooksTest {

    static final String ADMIN = Tokens.admin("webhooks-admin");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    Events events;
    @Inject
    storefront.checkout.ReservationSweeper sweeper;

    Receiver receiver;
    final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void receive() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() throws Exception {
        TestClock.reset();
        if (receiver != null) {
            receiver.close();
        }
        for (String id : subscriptions) {
            pool.preparedQuery("delete from webhook_subscription where id = $1").execute(Tuple.of(UUID.fromString(id)))
                    .await().indefinitely();
        }
    }

    /** Subscribes the receiver; answers the creation's body (with the secret). */
    JsonPath subscribe(List<String> types, List<String> regions) {
        JsonPath created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/hooks"), "eventTypes", types, "regions", regions,
                        "description", "test receiver", "reason", "webhook test"))
                .post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getString("subscription.id"));
        return created;
    }

    void dispatch() {
        dispatcher.dispatchUntilIdle().await().atMost(Duration.ofSeconds(30));
    }

    /** A change of an IN store, as ops make it. */
    static void changeStore(String id, String name) {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", name);
        store.put("kind", "AUTHORIZED_STORE");
        store.put("services", List.of("SALES"));
        store.put("address", Map.of("line1", "1 MG Road", "city", "Kochi", "country", "IN"));
        store.put("location", Map.of("latitude", 9.93, "longitude", 76.26));
        store.put("timeZone", "Asia/Kolkata");
        var request = given().auth().oauth2(ADMIN).contentType(ContentType.JSON);
        String etag = given().auth().oauth2(ADMIN).get("/api/v1/admin/stores/{id}", id).header("ETag");
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        request.body(Map.of("store", store, "reason", "webhook test")).put("/api/v1/admin/stores/{id}", id)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A received event, checked against the contract's webhook of its type (envelope and data members). */
    static JsonNode event(Receiver.Received received) throws Exception {
        JsonNode event = JSON.readTree(received.body());
        JsonNode contract = JSON.readTree(java.nio.file.Path.of("openapi/openapi.json").toFile());
        String type = event.get("type").asText();
        JsonNode webhook = contract.path("webhooks").path(type).path("post");
        assertThat(webhook.isMissingNode()).as("the contract documents " + type).isFalse();
        for (JsonNode member : contract.path("components").path("schemas").path("CloudEvent").path("required")) {
            assertThat(event.has(member.asText())).as(type + " carries " + member.asText()).isTrue();
        }
        String dataRef = webhook.path("requestBody").path("content").path("application/cloudevents+json")
                .path("schema").path("allOf").get(1).path("properties").path("data").path("$ref").asText();
        JsonNode data = contract.path("components").path("schemas").path(dataRef.substring(dataRef.lastIndexOf('/') + 1));
        List<String> members = new ArrayList<>();
        event.get("data").fieldNames().forEachRemaining(members::add);
        List<String> required = new ArrayList<>();
        data.path("required").forEach(r -> required.add(r.asText()));
        List<String> documented = new ArrayList<>();
        data.path("properties").fieldNames().forEachRemaining(documented::add);
        assertThat(required).as(type + " data members are all required").isNotEmpty();
        assertThat(members).as(type + " data is as documented").containsAll(required)
                .allSatisfy(m -> assertThat(documented).contains(m));
        return event;
    }

    @Test
    void aStoreChangeArrivesAsASignedCloudEventTheReferenceLibraryAccepts() throws Exception {
        JsonPath created = subscribe(List.of("storefront.store.changed"), List.of("IN"));
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        String id = "wh-signed-" + UUID.randomUUID().toString().substring(0, 8);
        changeStore(id, "Signed Store");
        dispatch();

        assertThat(receiver.received).hasSize(1);
        Receiver.Received got = receiver.received.get(0);
        assertThat(got.header("content-type")).isEqualTo("application/cloudevents+json");
        Map<String, String> headers = Map.of("webhook-id", got.header("webhook-id"),
                "webhook-timestamp", got.header("webhook-timestamp"),
                "webhook-signature", got.header("webhook-signature"));
        assertThat(ReferenceVerifier.verify(secret, headers, got.body())).isEqualTo("verified");
        // The library refuses a body changed on the way, and another secret.
        assertThat(ReferenceVerifier.verify(secret, headers, got.body().replace("Signed Store", "Forged Store")))
                .startsWith("refused");
        assertThat(ReferenceVerifier.verify(WebhookSigner.newSecret(), headers, got.body())).startsWith("refused");

        JsonNode event = event(got);
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("storefront.store.changed");
        assertThat(event.get("subject").asText()).isEqualTo("store/" + id);
        assertThat(event.get("id").asText()).isEqualTo(got.header("webhook-id"));
        assertThat(event.get("region").asText()).isEqualTo("IN");
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(event.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(event.get("data").get("name").asText()).isEqualTo("Signed Store");

        String subscription = created.getString("subscription.id");
        given().auth().oauth2(ADMIN).get("/api/v1/admin/webhooks/{id}/deliveries", subscription)
                .then().statusCode(200).body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].lastStatus", equalTo(200)).body("items[0].attempts", equalTo(1))
                .body("items[0].eventId", equalTo(got.header("webhook-id")));
        // Nothing is sent twice.
        dispatch();
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void aReceiverThatWasDownGetsEverythingOnceBackInOrderPerSubject() throws Exception {
        String subscription = subscribe(List.of("storefront.store.changed"), List.of("IN")).getString("subscription.id");
        String a = "wh-order-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "wh-order-b-" + UUID.randomUUID().toString().substring(0, 8);
        receiver.status.set(503);
        changeStore(a, "A first");
        changeStore(a, "A second");
        changeStore(b, "B only");
        dispatch();
        // The first of each subject was tried; A's second waits behind A's first.
        assertThat(names()).containsExactlyInAnyOrder("A first", "B only");
        JsonPath pending = given().auth().oauth2(ADMIN).queryParam("status", "pending")
                .get("/api/v1/admin/webhooks/{id}/deliveries", subscription).then().statusCode(200)
                .extract().jsonPath();
        assertThat(pending.getList("items.attempts", Integer.class)).containsExactlyInAnyOrder(1, 0, 1);
        assertThat(pending.getList("items.lastStatus")).contains(503);
        assertThat(pending.getString("items.find { it.attempts == 1 }.lastError")).contains("HTTP 503");
        // Ops see the backlog, and how old its oldest event is, while the receiver is down.
        dispatcher.measureBacklog().await().indefinitely();
        assertThat(metric("storefront_webhook_pending_deliveries")).isGreaterThanOrEqualTo(3);
        assertThat(metric("storefront_webhook_oldest_pending_seconds")).isGreaterThan(0);

        // Still down at the next attempt; then back.
        TestClock.setTo(Instant.now().plus(Duration.ofMinutes(1)));
        dispatch();
        assertThat(names()).containsExactlyInAnyOrder("A first", "B only", "A first", "B only");
        receiver.status.set(200);
        TestClock.setTo(Instant.now().plus(Duration.ofMinutes(10)));
        dispatch();
        List<String> all = names();
        assertThat(all.subList(4, all.size())).containsExactlyInAnyOrder("A first", "A second", "B only");
        List<String> aDelivered = all.subList(4, all.size()).stream().filter(n -> n.startsWith("A")).toList();
        assertThat(aDelivered).containsExactly("A first", "A second");
        given().auth().oauth2(ADMIN).queryParam("status", "PENDING")
                .get("/api/v1/admin/webhooks/{id}/deliveries", subscription).then().statusCode(200)
                .body("items.size()", equalTo(0));
        dispatcher.measureBacklog().await().indefinitely();
        assertThat(metric("storefront_webhook_pending_deliveries")).isZero();
        assertThat(metric("storefront_webhook_oldest_pending_seconds")).isZero();
    }

    /** One series of /q/metrics. */
    static double metric(String series) {
        String all = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(series)
                + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(all);
        assertThat(m.find()).as(series + " is in /q/metrics").isTrue();
        return Double.parseDouble(m.group(2));
    }

    private List<String> names() throws Exception {
        List<String> names = new ArrayList<>();
        for (Receiver.Received r : receiver.received) {
            names.add(event(r).get("data").get("name").asText());
        }
        return names;
    }

    @Test
    void twoDispatchersAtOnceNeverSendOneEventTwice() throws Exception {
        subscribe(List.of("storefront.seller.changed"), List.of());
        int subjects = 40;
        pool.withTransaction(tx -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (int i = 0; i < subjects; i++) {
                int n = i;
                all = all.flatMap(x -> events.emit(Statements.on(tx), EventType.SELLER_CHANGED,
                        "seller/race-" + n, null, Map.of("name", "race " + n)));
            }
            return all;
        }).await().indefinitely();
        List<Integer> taken = Uni.join().all(dispatcher.dispatchOnce(), dispatcher.dispatchOnce()).andFailFast()
                .await().atMost(Duration.ofSeconds(30));
        dispatch();
        Map<String, Integer> byId = new HashMap<>();
        receiver.received.forEach(r -> byId.merge(r.header("webhook-id"), 1, Integer::sum));
        assertThat(byId).hasSize(subjects);
        assertThat(byId.values()).containsOnly(1);
        assertThat(taken.get(0) + taken.get(1)).isLessThanOrEqualTo(subjects);
    }

    @Test
    void aSlowReceiverHoldsUpOnlyItsOwnDeliveries() throws Exception {
        subscribe(List.of("storefront.store.changed"), List.of("IN"));
        try (Receiver slow = new Receiver()) {
            slow.delayMs.set(3000);
            JsonPath slowSubscription = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("url", slow.url("/slow"), "eventTypes", List.of("storefront.store.changed"),
                            "regions", List.of("IN"), "reason", "slow receiver"))
                    .post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath();
            subscriptions.add(slowSubscription.getString("subscription.id"));
            String id = "wh-slow-" + UUID.randomUUID().toString().substring(0, 8);
            changeStore(id, "First");
            changeStore(id, "Second");
            changeStore(id, "Third");
            long started = System.nanoTime();
            var run = dispatcher.dispatchUntilIdle().subscribeAsCompletionStage();
            // The fast receiver gets all three, in order, one after the other, while the slow one still holds
            // its first.
            while (receiver.received.size() < 3 && System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(20);
            }
            long fastDone = System.nanoTime() - started;
            assertThat(names()).containsExactly("First", "Second", "Third");
            assertThat(slow.received).hasSize(1);
            assertThat(Duration.ofNanos(fastDone)).isLessThan(Duration.ofMillis(2500));
            run.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(slow.received).extracting(r -> JSON.readTree(r.body()).get("data").get("name").asText())
                    .containsExactly("First", "Second", "Third");
        }
    }

    @Test
    void aChangeRolledBackEmitsNothing() {
        String subject = "store/rolled-back-" + UUID.randomUUID();
        try {
            pool.withTransaction(tx -> events.emit(Statements.on(tx), EventType.STORE_CHANGED, subject, "IN",
                    Map.of("name", "never")).flatMap(x -> Uni.createFrom().<Void>failure(new IllegalStateException(
                            "rolled back")))).await().indefinitely();
        } catch (IllegalStateException expected) {
            // the change and its event went together
        }
        long stored = pool.preparedQuery("select count(*) from outbox_event where subject = $1")
                .execute(Tuple.of(subject)).await().indefinitely().iterator().next().getLong(0);
        assertThat(stored).isZero();
    }

    @Test
    void aPausedSubscriptionKeepsItsEventsUntilItIsActiveAgain() {
        JsonPath created = subscribe(List.of("storefront.store.changed"), List.of("IN"));
        String id = created.getString("subscription.id");
        String etag = given().auth().oauth2(ADMIN).get("/api/v1/admin/webhooks/{id}", id).then().statusCode(200)
                .body("active", equalTo(true)).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")))
                .extract().header("ETag");
        Map<String, Object> paused = new LinkedHashMap<>(Map.of("url", receiver.url("/hooks"),
                "eventTypes", List.of("storefront.store.changed"), "regions", List.of("IN"), "active", false,
                "reason", "receiver maintenance"));
        String pausedTag = given().auth().oauth2(ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(paused).put("/api/v1/admin/webhooks/{id}", id).then().statusCode(200)
                .body("active", equalTo(false)).extract().header("ETag");
        changeStore("wh-paused-" + UUID.randomUUID().toString().substring(0, 8), "While paused");
        dispatch();
        assertThat(receiver.received).isEmpty();

        paused.put("active", true);
        paused.put("reason", "receiver back");
        given().auth().oauth2(ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(paused)
                .put("/api/v1/admin/webhooks/{id}", id).then().statusCode(412);
        given().auth().oauth2(ADMIN).header("If-Match", pausedTag).contentType(ContentType.JSON).body(paused)
                .put("/api/v1/admin/webhooks/{id}", id).then().statusCode(200);
        dispatch();
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneUntilTheOverlapEnds() {
        JsonPath created = subscribe(List.of("storefront.store.changed"), List.of("IN"));
        String id = created.getString("subscription.id");
        String old = created.getString("secret");
        JsonPath rotated = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("overlapSeconds", 3600, "reason", "yearly rotation"))
                .post("/api/v1/admin/webhooks/{id}/secret", id).then().statusCode(200).extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(Instant.parse(rotated.getString("previousSecretValidUntil"))).isAfter(Instant.now());
        changeStore("wh-rotated-" + UUID.randomUUID().toString().substring(0, 8), "Rotated");
        dispatch();
        Receiver.Received got = receiver.received.get(0);
        assertThat(got.header("webhook-signature").split(" ")).hasSize(2);
        Map<String, String> headers = Map.of("webhook-id", got.header("webhook-id"),
                "webhook-timestamp", got.header("webhook-timestamp"),
                "webhook-signature", got.header("webhook-signature"));
        assertThat(ReferenceVerifier.verify(fresh, headers, got.body())).isEqualTo("verified");
        assertThat(ReferenceVerifier.verify(old, headers, got.body())).isEqualTo("verified");
        given().auth().oauth2(Tokens.auditor("webhook-auditor")).queryParam("actor", "webhooks-admin")
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("items.action", hasItem("ROTATE_WEBHOOK_SECRET"))
                .body("items.find { it.action == 'ROTATE_WEBHOOK_SECRET' }.after.toString()",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("whsec_")));
    }

    @Test
    void anOrderPlacedIsAnEventOfItsRegion() throws Exception {
        subscribe(List.of("storefront.order.created"), List.of("US"));
        JsonPath order = Shop.placeOrder("US", Map.of("MI-BAND-8-BLACK", 1), "US", "CA");
        dispatch();
        List<JsonNode> orders = new ArrayList<>();
        for (Receiver.Received r : receiver.received) {
            orders.add(event(r));
        }
        JsonNode mine = orders.stream().filter(e -> e.get("subject").asText()
                .equals("order/" + order.getString("orderNumber"))).findFirst().orElseThrow();
        assertThat(mine.get("type").asText()).isEqualTo("storefront.order.created");
        assertThat(mine.get("data").get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(mine.get("data").get("totalMinor").asLong())
                .isEqualTo(order.getLong("totals.total.amountMinor"));
        assertThat(mine.get("region").asText()).isEqualTo("US");
    }

    @Test
    void anOrderThatRunsOutTellsOfItsCreationThenItsExpiry() throws Exception {
        subscribe(List.of("storefront.order.created", "storefront.order.expired"), List.of("US"));
        String sku = storefront.inventory.TestSkus.create(pool, "US", 1500, 3);
        JsonPath order = Shop.placeOrder("US", Map.of(sku, 1), "US", "CA");
        storefront.inventory.TestSkus.runOut(pool, order.getString("orderId"));
        sweeper.sweep().await().indefinitely();
        dispatch();
        List<JsonNode> mine = new ArrayList<>();
        for (Receiver.Received r : receiver.received) {
            JsonNode e = event(r);
            if (e.get("subject").asText().equals("order/" + order.getString("orderNumber"))) {
                mine.add(e);
            }
        }
        assertThat(mine).extracting(e -> e.get("type").asText())
                .containsExactly("storefront.order.created", "storefront.order.expired");
        assertThat(mine.get(1).get("data").get("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void subscriptionsAreOpsAdminsAndCheckedField() {
        given().auth().oauth2(Tokens.ops("lead-us", "US")).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/x"), "reason", "x")).post("/api/v1/admin/webhooks")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://files.example/x", "eventTypes", List.of("storefront.order.shipped"),
                        "regions", List.of("XX"), "reason", "x"))
                .post("/api/v1/admin/webhooks").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("url", "eventTypes[0]", "regions[0]"));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/webhooks/{id}", "not-a-uuid").then().statusCode(404)
                .body("code", equalTo("WEBHOOK_NOT_FOUND"));
        given().auth().oauth2(ADMIN).queryParam("limit", "1.5")
                .get("/api/v1/admin/webhooks/{id}/deliveries", UUID.randomUUID()).then().statusCode(400);
    }

    @Test
    void stockRunningLowAndOutIsAnEventWhateverMovedIt() throws Exception {
        subscribe(List.of("storefront.stock.low", "storefront.stock.out"), List.of("US"));
        String sku = storefront.inventory.TestSkus.create(pool, "US", 1500, 8);
        Shop.placeOrder("US", Map.of(sku, 2), "US", "CA");   // 6 left: in stock still
        Shop.placeOrder("US", Map.of(sku, 1), "US", "CA");   // 5 left: at the threshold
        Shop.placeOrder("US", Map.of(sku, 5), "US", "CA");   // none left
        dispatch();
        List<JsonNode> mine = new ArrayList<>();
        for (Receiver.Received r : receiver.received) {
            JsonNode e = event(r);
            if (e.get("subject").asText().equals("stock/US/" + sku)) {
                mine.add(e);
            }
        }
        assertThat(mine).extracting(e -> e.get("type").asText())
                .containsExactly("storefront.stock.low", "storefront.stock.out");
        assertThat(mine.get(0).get("data").get("available").asInt()).isEqualTo(5);
        assertThat(mine.get(1).get("data").get("state").asText()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void eventsPastRetentionGoUnlessADeliveryWaitsForThem() {
        subscribe(List.of("storefront.seller.changed"), List.of());
        receiver.status.set(500);
        String kept = "seller/retention-kept-" + UUID.randomUUID();
        String gone = "seller/retention-gone-" + UUID.randomUUID();
        TestClock.setTo(Instant.now().minus(Duration.ofDays(30)));
        pool.withTransaction(tx -> events.emit(Statements.on(tx), EventType.SELLER_CHANGED, kept, null,
                Map.of("name", "still pending"))).await().indefinitely();
        pool.withTransaction(tx -> events.emit(Statements.on(tx), EventType.STORE_CHANGED, gone, "IN",
                Map.of("name", "nobody took it"))).await().indefinitely();
        TestClock.reset();
        dispatcher.purge().await().indefinitely();
        assertThat(count(gone)).isZero();
        assertThat(count(kept)).isEqualTo(1);
    }

    @Test
    void anEventIsReplayedAloneOrWithEverythingSinceAnInstant() throws Exception {
        String subscription = subscribe(List.of("storefront.store.changed"), List.of("IN")).getString("subscription.id");
        Instant before = Instant.now().minusSeconds(1);
        String id = "wh-replay-" + UUID.randomUUID().toString().substring(0, 8);
        changeStore(id, "Replayed once");
        changeStore(id, "Replayed twice");
        dispatch();
        assertThat(names()).containsExactly("Replayed once", "Replayed twice");
        String first = receiver.received.get(0).header("webhook-id");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "receiver lost it"))
                .post("/api/v1/admin/webhooks/{id}/deliveries/{event}/replay", subscription, first)
                .then().statusCode(200).body("queued", equalTo(1));
        dispatch();
        assertThat(receiver.received).hasSize(3);
        assertThat(receiver.received.get(2).header("webhook-id")).isEqualTo(first);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("since", before.toString(), "reason", "receiver restored from a backup"))
                .post("/api/v1/admin/webhooks/{id}/replay", subscription).then().statusCode(200)
                .body("queued", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        dispatch();
        List<String> all = names();
        assertThat(all.subList(3, all.size())).containsSubsequence("Replayed once", "Replayed twice");
        // An event the subscription does not take is not replayed to it.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/admin/webhooks/{id}/deliveries/{event}/replay", subscription, UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("WEBHOOK_EVENT_NOT_FOUND"));
    }

    private long count(String subject) {
        return pool.preparedQuery("select count(*) from outbox_event where subject = $1").execute(Tuple.of(subject))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
