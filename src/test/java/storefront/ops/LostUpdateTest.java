package storefront.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import storefront.Contention;
import storefront.inventory.TestSkus;

/**
 * Every optimistic-concurrency target has exactly one winner: writers that
 * read the same ETag and write at the same moment get one success and, for the
 * rest, 412 ({@link Contention} makes the moment happen every time).
 */
@QuarkusTest
class LostUpdateTest {

    private static final int WRITERS = 3;

    @Inject
    Pool pool;

    /** The writers' statuses, all sent while the target's row is held (see {@link Contention}). */
    private List<Integer> race(String lockSql, Tuple params, IntFunction<Response> writer) {
        return Contention.race(pool, lockSql, params, WRITERS, writer).stream().map(Response::statusCode).toList();
    }

    private static void oneWinner(List<Integer> statuses, int success) {
        assertThat(statuses).filteredOn(s -> s == success).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != success).hasSize(WRITERS - 1).containsOnly(412);
    }

    private long audited(String target) {
        return TestSkus.one(pool, "select count(*) from audit_entry where target = $1", target).getLong(0);
    }

    private static Response put(String path, String etag, Map<String, ?> body, Object... params) {
        return given().auth().oauth2(Ops.ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .put(path, params);
    }

    private String testProduct() {
        String sku = TestSkus.create(pool, "US", 1000, 10);
        return TestSkus.one(pool, "select p.slug from product p join sku s on s.product_id = p.id where s.code = $1",
                sku).getString(0);
    }

    private static final String LISTING = "/api/v1/admin/regions/{r}/products/{slug}";
    private static final String LOCK_PRODUCT = "select 1 from product where slug = $1 for update";
    private static final String LOCK_REGION = "select 1 from region where code = $1 for update";

    @Test
    void aListingHasOneWinner() {
        String slug = testProduct();
        String etag = Ops.etag(Ops.ADMIN, LISTING, "US", slug);
        long before = audited("region:US/product:" + slug);
        oneWinner(race(LOCK_PRODUCT, Tuple.of(slug), n -> put(LISTING + "/listing", etag,
                Map.of("listed", false, "reason", "writer " + n), "US", slug)), 200);
        assertThat(audited("region:US/product:" + slug)).isEqualTo(before + 1);
    }

    @Test
    void aSalesWindowHasOneWinner() {
        String slug = testProduct();
        String etag = Ops.etag(Ops.ADMIN, LISTING, "US", slug);
        oneWinner(race(LOCK_PRODUCT, Tuple.of(slug), n -> put(LISTING + "/launch-window", etag,
                Map.of("availableFrom", Instant.parse("2030-01-01T00:00:00Z").plusSeconds(n).toString(),
                        "reason", "writer " + n), "US", slug)), 200);
    }

    @Test
    void aChangeSetItemHasOneWinner() {
        String slug = testProduct();
        String etag = Ops.etag(Ops.ADMIN, LISTING, "US", slug);
        oneWinner(race(LOCK_PRODUCT, Tuple.of(slug), n -> given().auth().oauth2(Ops.ADMIN)
                .contentType(ContentType.JSON).body(Map.of("reason", "writer " + n, "changes", List.of(Map.of(
                        "type", "DELIST_PRODUCT", "region", "US", "product", slug, "ifMatch", etag))))
                .post("/api/v1/admin/change-sets")), 200);
    }

    @Test
    void aCategoryAndARegionStatusHaveOneWinner() {
        String category = "/api/v1/admin/regions/{r}/categories/{c}";
        String status = "/api/v1/admin/regions/{r}/status";
        try {
            String categoryTag = Ops.etag(Ops.ADMIN, category, "EU", "AUDIO");
            oneWinner(race(LOCK_REGION, Tuple.of("EU"), n -> put(category, categoryTag,
                    Map.of("sold", false, "reason", "writer " + n), "EU", "AUDIO")), 200);
            String statusTag = Ops.etag(Ops.ADMIN, status, "EU");
            oneWinner(race(LOCK_REGION, Tuple.of("EU"), n -> put(status, statusTag,
                    Map.of("open", false, "reason", "writer " + n), "EU")), 200);
        } finally {
            Ops.regionOpen(Ops.ADMIN, "EU", true, "put back").then().statusCode(200);
            Ops.category(Ops.ADMIN, "EU", "AUDIO", true, "put back").then().statusCode(200);
        }
    }

    @Test
    void aProductAndItsPricesHaveOneWinner() {
        String slug = testProduct();
        String product = "/api/v1/admin/products/{slug}";
        String sku = TestSkus.one(pool, "select s.code from sku s join product p on p.id = s.product_id "
                + "where p.slug = $1", slug).getString(0);
        String etag = Ops.etag(Ops.ADMIN, product, slug);
        oneWinner(race(LOCK_PRODUCT, Tuple.of(slug), n -> put(product + "/prices/US", etag,
                Map.of("currency", "USD", "prices", Map.of(sku, 2000 + n), "reason", "writer " + n), slug)), 200);
        String again = Ops.etag(Ops.ADMIN, product, slug);
        oneWinner(race(LOCK_PRODUCT, Tuple.of(slug), n -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("category", "WEARABLE");
            body.put("certifications", List.of("FCC", "CE"));
            body.put("texts", List.of(Map.of("locale", "en", "name", "Band by writer " + n)));
            body.put("skus", List.of(Map.of("code", sku)));
            body.put("reason", "writer " + n);
            return put(product, again, body, slug);
        }), 200);
    }

    @Test
    void stockSetAfterACountHasOneWinner() {
        String sku = TestSkus.create(pool, "US", 1000, 10);
        String stock = "/api/v1/admin/stock/{region}/{sku}";
        String etag = Ops.etag(Ops.ADMIN, stock, "US", sku);
        oneWinner(race("select 1 from stock where sku_code = $1 and region_code = 'US' for update", Tuple.of(sku),
                n -> put(stock, etag, Map.of("onHand", 20 + n, "reason", "count " + n), "US", sku)), 200);
        assertThat(audited("stock:" + sku)).isEqualTo(1);
        // A count against the stock as it is now goes through; one without If-Match is refused.
        put(stock, Ops.etag(Ops.ADMIN, stock, "US", sku), Map.of("onHand", 30, "reason", "recount"), "US", sku)
                .then().statusCode(200);
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(Map.of("onHand", 31, "reason", "blind"))
                .put(stock, "US", sku).then().statusCode(428).body("code", org.hamcrest.Matchers.equalTo(
                        "PRECONDITION_REQUIRED"));
    }

    private static Map<String, Object> store(String name) {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", name);
        store.put("kind", "AUTHORIZED_STORE");
        store.put("services", List.of("SALES"));
        store.put("address", Map.of("line1", "1 Test Street", "city", "Pune", "country", "IN"));
        store.put("location", Map.of("latitude", 18.52, "longitude", 73.85));
        store.put("timeZone", "Asia/Kolkata");
        store.put("openingHours", List.of());
        return store;
    }

    @Test
    void aStoreHasOneWinner() {
        String id = "in-race-" + Long.toString(System.nanoTime(), 36);
        String path = "/api/v1/admin/stores/{id}";
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("store", store("Race 0"), "reason", "open")).put(path, id).then().statusCode(201);
        String etag = Ops.etag(Ops.ADMIN, path, id);
        oneWinner(race("select 1 from store where id = $1 for update", Tuple.of(id), n -> put(path, etag,
                Map.of("store", store("Race " + (n + 1)), "reason", "rename " + n), id)), 200);
        assertThat(audited("store:" + id)).isEqualTo(2);
    }

    @Test
    void aSellerHasOneWinner() {
        String id = "race-seller-" + Long.toString(System.nanoTime(), 36);
        String path = "/api/v1/admin/sellers/{id}";
        IntFunction<Map<String, Object>> seller = n -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Race Seller " + n);
            body.put("kind", "AUTHORIZED");
            body.put("regions", List.of("IN"));
            body.put("authorizedSince", "2025-01-01T00:00:00Z");
            body.put("domains", List.of(Map.of("domain", id + ".example")));
            body.put("reason", "writer " + n);
            return body;
        };
        given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON).body(seller.apply(0)).put(path, id)
                .then().statusCode(201);
        String etag = Ops.etag(Ops.ADMIN, path, id);
        oneWinner(race("select 1 from seller where id = $1 for update", Tuple.of(id),
                n -> put(path, etag, seller.apply(n + 1), id)), 200);
        assertThat(audited("seller:" + id)).isEqualTo(2);
    }

    @Test
    void flashSalesNeverSetAsideMoreThanTheStock() {
        String sku = TestSkus.create(pool, "US", 1000, 10);
        List<Integer> statuses = race("select 1 from stock where sku_code = $1 for update", Tuple.of(sku),
                n -> given().auth().oauth2(Ops.ADMIN).contentType(ContentType.JSON)
                        .body(Map.of("sku", sku, "region", "US", "startsAt", Instant.now().plusSeconds(60).toString(),
                                "endsAt", Instant.now().plusSeconds(3600).toString(), "priceMinor", 500,
                                "quantity", 10, "reason", "drop"))
                        .post("/api/v1/admin/flash-sales"));
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409);
        assertThat(TestSkus.stock(pool, sku, "US")).containsExactly(10, 10);
    }
}
