package storefront.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import storefront.ShortTimeouts;
import storefront.Await;
import storefront.LogCapture;
import storefront.checkout.Shop;
import storefront.checkout.StripeMock;

/**
 * PostgreSQL goes away while shoppers check out, then comes back. Readiness
 * turns DOWN and UP again by itself; meanwhile requests that need the database
 * answer 503 DATABASE_UNAVAILABLE (or, for a checkout cut half way, 409 retry
 * later) and nothing else; shoppers who retry with the same Idempotency-Key
 * end with exactly one order each, and every order a shopper was told about
 * is in the database.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
class DatabaseOutageTest {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageTest.class);

    @Inject
    Pool pool;

    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final Set<String> unexpected = ConcurrentHashMap.newKeySet();

    @Test
    void shoppersRideOutADatabaseOutageWithNoOrderLostOrDoubled() throws Exception {
        StripeMock.answerLikeStripe();
        String email = "outage-" + UUID.randomUUID() + "@example.com";
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService shoppers = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> work = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            work.add(shoppers.submit(() -> {
                List<String> orders = new ArrayList<>();
                while (!stop.get()) {
                    orders.add(buyOnce(email));
                }
                return orders;
            }));
        }
        Thread.sleep(1500);

        DatabaseProxy.cut();
        long cutAt = System.nanoTime();
        awaitReady(503, "readiness DOWN after the database went away");
        LOG.infof("Readiness DOWN %d ms after the cut", (System.nanoTime() - cutAt) / 1_000_000);
        Thread.sleep(2000);
        int duringOutage = statuses.getOrDefault(503, 0);

        DatabaseProxy.restore();
        long restoredAt = System.nanoTime();
        awaitReady(200, "readiness UP after the database came back");
        LOG.infof("Readiness UP %d ms after the database came back", (System.nanoTime() - restoredAt) / 1_000_000);
        Thread.sleep(1500);
        stop.set(true);
        List<String> told = new ArrayList<>();
        for (Future<List<String>> f : work) {
            told.addAll(f.get(120, TimeUnit.SECONDS));
        }
        shoppers.shutdown();
        LOG.infof("Answers by status: %s; orders placed: %d", statuses, told.size());

        assertThat(unexpected).as("answers other than success, 503 and 409-retry").isEmpty();
        assertThat(duringOutage).as("requests refused while the database was away").isPositive();
        assertThat(told).as("shoppers who finished").isNotEmpty().doesNotHaveDuplicates();
        List<String> stored = new ArrayList<>();
        pool.preparedQuery("select id::text from customer_order where email = $1").execute(Tuple.of(email))
                .await().indefinitely().forEach(row -> stored.add(row.getString(0)));
        assertThat(stored).as("one order per shopper's checkout, each the one the shopper was told")
                .containsExactlyInAnyOrderElementsOf(told);
    }

    @Test
    void aDatabaseThatStopsAnsweringCostsARequestItsTimeoutNotForever() {
        String cart = retry(() -> request().body(Map.of("region", "US")).post("/api/v1/carts"), 201).path("id");
        try (LogCapture log = LogCapture.of("storefront")) {
            DatabaseProxy.freeze();
            try {
                request().header("X-Request-Id", "while-frozen").get("/api/v1/carts/{id}", cart)
                        .then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", "2").body("code", org.hamcrest.Matchers.equalTo("REQUEST_TIMEOUT"))
                        .body("requestId", org.hamcrest.Matchers.equalTo("while-frozen"));
            } finally {
                DatabaseProxy.thaw();
            }
            retry(() -> request().get("/api/v1/carts/{id}", cart), 200);
            // The request's own answer, once the database is back, comes too late: a line, not an error.
            Await.until("the late answer noted", () -> log.records().stream()
                    .anyMatch(r -> r.getMessage().contains("its answer came after the request was answered 503")));
            assertThat(log.records()).noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
        }
    }

    /** One shopper's purchase: cart, item, checkout; each step retried until it is done. Answers the order id. */
    private String buyOnce(String email) {
        String cart = retry(() -> request().body(Map.of("region", "US")).post("/api/v1/carts"), 201).path("id");
        retry(() -> request().body(Map.of("quantity", 1)).put("/api/v1/carts/{id}/items/{sku}", cart,
                "MI-BAND-8-BLACK"), 200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("email", email, "shippingAddress", Shop.address("US", "CA"));
        return retry(() -> request().header("Idempotency-Key", key).body(body)
                .post("/api/v1/carts/{id}/checkout", cart), 201).path("orderId");
    }

    private Response retry(Supplier<Response> call, int success) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Response response = call.get();
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            if (status == success) {
                return response;
            }
            boolean retryable = (status == 503 && "DATABASE_UNAVAILABLE".equals(response.path("code")))
                    || (status == 409 && "IDEMPOTENCY_KEY_IN_USE".equals(response.path("code")));
            if (!retryable) {
                unexpected.add(status + " " + response.asString());
            }
            assertThat(System.nanoTime()).as("a step done within 60 s").isLessThan(deadline);
            Await.pause(100);
        }
    }

    /** Requests that give up after 15 s instead of waiting forever: a hang fails the test. */
    private static RequestSpecification request() {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 15_000)))
                .contentType(ContentType.JSON);
    }

    private static void awaitReady(int status, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (request().get("/q/health/ready").statusCode() != status) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Await.pause(100);
        }
    }
}
