package storefront.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static storefront.ops.Ops.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import storefront.Tokens;

/** Change sets: atomic, a dry run that writes nothing, and no silent overwrite between concurrent editors. */
@QuarkusTest
class ChangeSetsTest {

    @Inject
    Pool pool;

    long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }

    /** Everything the switches of the catalog hold, as one comparable text. */
    String catalogState() {
        return pool.query("""
                        select concat_ws(' | ',
                          (select string_agg(code || ':' || open || ':' || coalesce(closed_reason, ''), ',' order by code) from region),
                          (select string_agg(region_code || ':' || category_code, ',' order by 1) from region_category),
                          (select string_agg(product_id || ':' || region_code || ':' || listed || ':' || coalesce(available_from::text, ''),
                                             ',' order by 1) from product_region))""")
                .execute().await().indefinitely().iterator().next().getString(0);
    }

    static Map<String, Object> change(String type, String region, String key, String value) {
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("type", type);
        change.put("region", region);
        if (key != null) {
            change.put(key, value);
        }
        return change;
    }

    @Test
    void aDryRunAnswersTheDiffShoppersWouldSeeAndWritesNothing() {
        String state = catalogState();
        long audit = count("select count(*) from audit_entry");
        List<String> euBefore = Ops.listing("EU");
        JsonPath result = Ops.changeSet(ADMIN, true, "What if", List.of(
                        change("STOP_CATEGORY", "EU", "category", "AUDIO"),
                        change("DELIST_PRODUCT", "EU", "product", "mi-band-8"),
                        change("SELL_CATEGORY", "US", "category", "PHONE"),
                        change("LIST_PRODUCT", "US", "product", "mi-headphones-comfort")))
                .then().statusCode(200).body("dryRun", equalTo(true)).body("id", nullValue())
                .extract().jsonPath();

        assertThat(result.getList("changes.type"))
                .containsExactly("STOP_CATEGORY", "DELIST_PRODUCT", "SELL_CATEGORY", "LIST_PRODUCT");
        assertThat(result.getBoolean("changes[0].before.sold")).isTrue();
        assertThat(result.getBoolean("changes[0].after.sold")).isFalse();
        assertThat(result.getList("diff.region")).containsExactly("EU", "US");
        List<String> gone = result.getList("diff.find { it.region == 'EU' }.disappearing.product");
        List<String> audio = given().queryParam("category", "AUDIO").queryParam("limit", 100)
                .get("/api/v1/regions/EU/products").then().extract().jsonPath().getList("items.slug");
        List<String> expectedGone = new ArrayList<>(audio);
        expectedGone.add("mi-band-8");
        assertThat(gone).containsExactlyInAnyOrderElementsOf(expectedGone);
        assertThat(result.getList("diff.find { it.region == 'EU' }.disappearing.find { it.product == 'mi-band-8' }.reasons.code",
                String.class)).containsExactly("PRODUCT_DELISTED");
        // Selling phones in the US shows none: they have no US price. The relisted headphones appear,
        // with the reason they were hidden for.
        assertThat(result.getList("diff.find { it.region == 'US' }.appearing.product"))
                .containsExactly("mi-headphones-comfort");
        assertThat(result.getList("diff.find { it.region == 'US' }.appearing[0].reasons.code", String.class))
                .containsExactly("PRODUCT_DELISTED");
        assertThat(result.getList("diff.find { it.region == 'US' }.disappearing")).isEmpty();

        assertThat(catalogState()).as("nothing written").isEqualTo(state);
        assertThat(count("select count(*) from audit_entry")).as("nothing audited").isEqualTo(audit);
        assertThat(Ops.listing("EU")).isEqualTo(euBefore);
    }

    @Test
    void aChangeSetIsAllOrNothing() {
        String state = catalogState();
        long audit = count("select count(*) from audit_entry");
        Map<String, Object> first = change("STOP_CATEGORY", "EU", "category", "POWER");
        first.put("ifMatch", "*");
        Map<String, Object> second = change("DELIST_PRODUCT", "EU", "product", "no-such-product");
        second.put("ifMatch", "*");
        Ops.changeSet(ADMIN, false, "Half of it fails", List.of(first, second)).then().statusCode(404)
                .body("code", equalTo("PRODUCT_NOT_FOUND"));
        assertThat(catalogState()).isEqualTo(state);
        assertThat(count("select count(*) from audit_entry")).isEqualTo(audit);
        assertThat(Ops.listing("EU")).contains("mi-power-bank-10000");
    }

    @Test
    void anAppliedChangeSetWritesEveryChangeAndItsAuditUnderOneId() {
        String token = Tokens.ops("lead-eu-cn", "EU", "CN");
        String audioEtag = Ops.etag(token, "/api/v1/admin/regions/{r}/categories/{c}", "EU", "AUDIO");
        String listingEtag = Ops.etag(token, "/api/v1/admin/regions/{r}/products/{s}", "CN", "mi-band-8");
        Map<String, Object> stop = change("STOP_CATEGORY", "EU", "category", "AUDIO");
        stop.put("ifMatch", audioEtag);
        Map<String, Object> delist = change("DELIST_PRODUCT", "CN", "product", "mi-band-8");
        delist.put("ifMatch", listingEtag.replace("\"", ""));
        JsonPath result = Ops.changeSet(token, false, "Holiday freeze", List.of(stop, delist))
                .then().statusCode(200).body("dryRun", equalTo(false)).extract().jsonPath();
        String id = result.getString("id");
        try {
            assertThat(id).isNotNull();
            assertThat(Ops.listing("CN")).doesNotContain("mi-band-8");
            assertThat(Ops.reasonCodes("EU", "mi-headphones")).containsExactly("CATEGORY_NOT_SOLD");
            JsonPath audit = given().auth().oauth2(ADMIN).queryParam("actor", "lead-eu-cn").get("/api/v1/admin/audit")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> mine = audit.getList("items.findAll { it.changeSet == '" + id + "' }");
            assertThat(mine).hasSize(2);
            assertThat(mine).extracting(e -> e.get("action")).containsExactlyInAnyOrder("STOP_CATEGORY", "DELIST_PRODUCT");
            assertThat(mine).allSatisfy(e -> {
                assertThat(e.get("reason")).isEqualTo("Holiday freeze");
                assertThat(e.get("role")).isEqualTo("ops");
            });
        } finally {
            Map<String, Object> sell = change("SELL_CATEGORY", "EU", "category", "AUDIO");
            sell.put("ifMatch", "*");
            Map<String, Object> list = change("LIST_PRODUCT", "CN", "product", "mi-band-8");
            list.put("ifMatch", "*");
            Ops.changeSet(token, false, "Freeze over", List.of(sell, list)).then().statusCode(200);
        }
        assertThat(Ops.listing("CN")).contains("mi-band-8");
    }

    @Test
    void whenTheAuditEntryCannotBeWrittenTheChangeIsNotMadeEither() {
        // A fault injected where only the audit insert meets it.
        pool.query("""
                create function fail_audit() returns trigger language plpgsql as $$
                begin raise exception 'audit store unavailable'; end $$;
                create trigger fail_audit before insert on audit_entry
                    for each row when (new.reason = 'audit must fail') execute function fail_audit();""")
                .execute().await().indefinitely();
        try {
            String state = catalogState();
            Ops.regionOpen(ADMIN, "EU", false, "audit must fail").then().statusCode(500)
                    .body("code", equalTo("INTERNAL_ERROR"));
            assertThat(catalogState()).isEqualTo(state);
            given().get("/api/v1/regions/EU").then().body("open", equalTo(true));
        } finally {
            pool.query("drop trigger fail_audit on audit_entry; drop function fail_audit()").execute().await().indefinitely();
        }
    }

    @Test
    void changesAreCheckedBeforeAnythingIsWritten() {
        Map<String, Object> bad = change("SET_WINDOW", "EU", "category", "AUDIO");
        Ops.changeSet(ADMIN, true, "bad", List.of(change("OPEN_REGION", "eu!", null, null), bad,
                        change("CLEAR_WINDOW", "EU", null, null)))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("changes[0].region", "changes[1].category",
                        "changes[1].product", "changes[1].availableFrom", "changes[2].product"));
        Map<String, Object> close = change("CLOSE_REGION", "EU", null, null);
        close.put("ifMatch", "*");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).queryParam("dryRun", "yes")
                .body(Map.of("reason", "ambiguous", "changes", List.of(close))).post("/api/v1/admin/change-sets")
                .then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "none", "changes", List.of()))
                .post("/api/v1/admin/change-sets").then().statusCode(400).body("errors[0].field", equalTo("changes"));
        Ops.changeSet(ADMIN, false, "no versions", List.of(change("CLOSE_REGION", "EU", null, null)))
                .then().statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED")).body("changes", contains(0));
        given().get("/api/v1/regions/EU").then().body("open", equalTo(true));
    }

    @Test
    void aStaleETagIs412AndTheWinnerStays() {
        String path = "/api/v1/admin/regions/{r}/products/{s}";
        String alice = Tokens.ops("alice", "EU");
        String bob = Tokens.ops("bob", "EU");
        String seen = Ops.etag(alice, path, "EU", "mi-headphones");
        assertThat(Ops.etag(bob, path, "EU", "mi-headphones")).isEqualTo(seen);
        given().auth().oauth2(alice).header("If-Match", seen).contentType(ContentType.JSON)
                .body(Map.of("listed", false, "reason", "Alice: recall")).put(path + "/listing", "EU", "mi-headphones")
                .then().statusCode(200);
        try {
            given().auth().oauth2(bob).header("If-Match", seen).contentType(ContentType.JSON)
                    .body(Map.of("listed", false, "reason", "Bob: pricing error")).put(path + "/listing", "EU", "mi-headphones")
                    .then().statusCode(412).contentType("application/problem+json")
                    .body("code", equalTo("PRECONDITION_FAILED"))
                    .body("target", equalTo("region:EU/product:mi-headphones"));
            given().auth().oauth2(bob).contentType(ContentType.JSON)
                    .body(Map.of("listed", true, "reason", "Bob without If-Match")).put(path + "/listing", "EU", "mi-headphones")
                    .then().statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
            given().auth().oauth2(ADMIN).get(path, "EU", "mi-headphones").then()
                    .body("delistedReason", equalTo("Alice: recall"));
        } finally {
            Ops.listed(alice, "EU", "mi-headphones", true, "cleanup").then().statusCode(200);
        }
    }

    @Test
    void ofTwoConcurrentEditsWithOneETagExactlyOneWins() throws Exception {
        String path = "/api/v1/admin/regions/{r}/status";
        String seen = Ops.etag(ADMIN, path, "CN");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String reason = "Incident " + i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return given().auth().oauth2(ADMIN).header("If-Match", seen).contentType(ContentType.JSON)
                            .body(Map.of("open", false, "reason", reason)).put(path, "CN").statusCode();
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 412);
            assertThat(count("select count(*) from audit_entry where target = 'region:CN' and action = 'CLOSE_REGION' "
                    + "and before->>'open' = 'true'")).isEqualTo(1);
        } finally {
            pool.shutdown();
            Ops.regionOpen(ADMIN, "CN", true, "Incident over").then().statusCode(200);
        }
    }
}
