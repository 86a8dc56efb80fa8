package storefront.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import storefront.Tokens;

/** The audit trail holds exactly the changes made, with who, role, before, after, reason and when. */
@QuarkusTest
class AuditTest {

    static final String AUDITOR = Tokens.auditor("auditor-audit-test");

    @Inject
    Pool pool;

    static JsonPath audit(Map<String, ?> query) {
        return given().auth().oauth2(AUDITOR).queryParams(query).get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTrailMatchesTheChangesNewestFirst() {
        String actor = "audit-trail-lead";
        String lead = Tokens.ops(actor, "EU");
        Instant start = Instant.now().minusSeconds(1);
        Ops.listed(lead, "EU", "mi-power-bank-10000", false, "Overheating reports").then().statusCode(200);
        Ops.category(lead, "EU", "WEARABLE", false, "Relabelling").then().statusCode(200);
        Ops.category(lead, "EU", "WEARABLE", true, "Relabelled").then().statusCode(200);
        Ops.listed(lead, "EU", "mi-power-bank-10000", true, "Cleared").then().statusCode(200);

        JsonPath page = audit(Map.of("actor", actor));
        assertThat(page.getList("items.action")).containsExactly("LIST_PRODUCT", "SELL_CATEGORY", "STOP_CATEGORY",
                "DELIST_PRODUCT");
        assertThat(page.getList("items.reason")).containsExactly("Cleared", "Relabelled", "Relabelling",
                "Overheating reports");
        assertThat(page.getList("items.role")).containsOnly("ops");
        assertThat(page.getList("items.region")).containsOnly("EU");
        assertThat(page.getList("items.target")).containsExactly("region:EU/product:mi-power-bank-10000",
                "region:EU/category:WEARABLE", "region:EU/category:WEARABLE", "region:EU/product:mi-power-bank-10000");
        // Before and after are the target's state, and each change starts where the one before it ended.
        assertThat(page.getBoolean("items[3].before.listed")).isTrue();
        assertThat(page.getBoolean("items[3].after.listed")).isFalse();
        assertThat(page.getString("items[3].after.delistedReason")).isEqualTo("Overheating reports");
        assertThat(page.getMap("items[2].after")).isEqualTo(page.getMap("items[1].before"));
        assertThat(page.getMap("items[3].after")).isEqualTo(page.getMap("items[0].before"));
        List<Instant> times = page.getList("items.at", String.class).stream().map(Instant::parse).toList();
        assertThat(times).allSatisfy(t -> assertThat(t).isAfter(start).isBefore(Instant.now().plusSeconds(1)));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersAndCursorsWalkTheWholeTrailOnce() {
        String actor = "audit-walker";
        String lead = Tokens.ops(actor, "US", "IN");
        for (int i = 0; i < 3; i++) {
            Ops.listed(lead, "US", "mi-band-8", i % 2 == 1, "walk " + i).then().statusCode(200);
            Ops.listed(lead, "IN", "mi-band-8", i % 2 == 1, "walk " + i).then().statusCode(200);
        }
        Ops.listed(lead, "US", "mi-band-8", true, "walk end").then().statusCode(200);
        Ops.listed(lead, "IN", "mi-band-8", true, "walk end").then().statusCode(200);

        List<Long> all = audit(Map.of("actor", actor)).getList("items.id", Long.class);
        assertThat(all).hasSize(8);
        List<Long> walked = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new java.util.HashMap<>(Map.of("actor", actor, "limit", 3));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = audit(query);
            walked.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(walked).isEqualTo(all);

        assertThat(audit(Map.of("actor", actor, "region", "in")).getList("items.region")).hasSize(4).containsOnly("IN");
        Instant middle = Instant.parse(audit(Map.of("actor", actor)).getString("items[3].at"));
        List<Instant> since = audit(Map.of("actor", actor, "from", middle.toString())).getList("items.at", String.class)
                .stream().map(Instant::parse).toList();
        assertThat(since).isNotEmpty().allSatisfy(t -> assertThat(t).isAfterOrEqualTo(middle));
        List<Instant> until = audit(Map.of("actor", actor, "to", middle.toString())).getList("items.at", String.class)
                .stream().map(Instant::parse).toList();
        assertThat(until).allSatisfy(t -> assertThat(t).isBefore(middle));
        assertThat(since.size() + until.size()).isEqualTo(8);
    }

    @Test
    void badQueriesAre400() {
        given().auth().oauth2(AUDITOR).queryParam("from", "yesterday").queryParam("limit", 0).queryParam("cursor", "zzz")
                .get("/api/v1/admin/audit").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("from", "limit", "cursor"));
    }

    @Test
    void theTrailIsAppendOnly() {
        Ops.regionOpen(Ops.ADMIN, "US", true, "audit append-only check").then().statusCode(200);
        assertThatThrownBy(() -> pool.query("update audit_entry set reason = 'rewritten'").execute().await().indefinitely())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> pool.query("delete from audit_entry").execute().await().indefinitely())
                .hasMessageContaining("append-only");
    }
}
