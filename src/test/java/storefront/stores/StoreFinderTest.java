package storefront.stores;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static storefront.stores.Stores.create;
import static storefront.stores.Stores.everyDay;
import static storefront.stores.Stores.store;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store finder: nearest first with distances checked against the
 * haversine formula, radius, service and kind filters, statuses, opening
 * hours in each store's own time zone, and the index that answers it.
 * Stores sit in Finnish Lapland and on the Finnish-Swedish border, where the
 * demo data has none.
 */
@QuarkusTest
class StoreFinderTest {

    static final double LAT = 66.5039;
    static final double LON = 25.7294;
    static final List<String> SALES = List.of("SALES", "PICKUP");
    static final List<String> REPAIR = List.of("REPAIR", "WARRANTY");

    /** id -> [latitude, longitude] of the Rovaniemi stores. */
    static final Map<String, double[]> PLACES = new LinkedHashMap<>();

    @Inject
    Pool pool;

    @BeforeEach
    void stores() {
        if (!PLACES.isEmpty()) {
            return;
        }
        place("fi-rv-a", 1.0, 0, "FLAGSHIP", List.of("SALES", "REPAIR", "WARRANTY", "PICKUP"));
        place("fi-rv-b", 3.2, 90, "AUTHORIZED_STORE", SALES);
        place("fi-rv-c", 7.5, 200, "SERVICE_CENTER", REPAIR);
        place("fi-rv-d", 2.1, 300, "SERVICE_CENTER", REPAIR);
        place("fi-rv-far", 30, 45, "SERVICE_CENTER", REPAIR);
        place("fi-rv-closed", 0.4, 10, "FLAGSHIP", REPAIR);
        place("fi-rv-paused", 1.6, 120, "AUTHORIZED_STORE", SALES);
        setStatus("fi-rv-closed", "CLOSED");
        setStatus("fi-rv-paused", "TEMPORARILY_CLOSED");
    }

    private static void place(String id, double km, double bearing, String kind, List<String> services) {
        double[] at = Stores.offset(LAT, LON, km, bearing);
        PLACES.put(id, at);
        create(id, store("Mi Store " + id, kind, services, "FI", at[0], at[1], "Europe/Helsinki",
                everyDay("00:00", "00:00")));
    }

    private static void setStatus(String id, String status) {
        given().auth().oauth2(storefront.ops.Ops.ADMIN).contentType("application/json")
                .body(Map.of("status", status, "reason", "test"))
                .put("/api/v1/admin/stores/{id}/status", id).then().statusCode(200).body("status", equalTo(status));
    }

    private static JsonPath search(String query) {
        return given().get("/api/v1/stores?near=" + LAT + "," + LON + "&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void nearestFirstWithTheDistanceAlongTheSurface() {
        JsonPath found = search("radius=10");
        List<String> ids = found.getList("stores.id");
        assertThat(ids).containsExactly("fi-rv-a", "fi-rv-paused", "fi-rv-d", "fi-rv-b", "fi-rv-c");
        List<Float> distances = found.getList("stores.distanceKm", Float.class);
        for (int i = 0; i < ids.size(); i++) {
            double[] at = PLACES.get(ids.get(i));
            assertThat((double) distances.get(i)).as(ids.get(i))
                    .isCloseTo(Stores.haversineKm(LAT, LON, at[0], at[1]), within(0.002));
        }
        assertThat(found.getFloat("radiusKm")).isEqualTo(10f);
        assertThat(found.getString("stores[1].status")).isEqualTo("TEMPORARILY_CLOSED");
        assertThat(found.getBoolean("stores[1].openNow")).isFalse();
        assertThat(found.getBoolean("stores[0].openNow")).as("open around the clock").isTrue();
    }

    @Test
    void radiusLimitAndFilters() {
        assertThat(search("radius=2").<String>getList("stores.id")).containsExactly("fi-rv-a", "fi-rv-paused");
        assertThat(search("radius=50").<String>getList("stores.id")).contains("fi-rv-far").doesNotContain("fi-rv-closed");
        assertThat(search("radius=10&limit=2").<String>getList("stores.id")).containsExactly("fi-rv-a", "fi-rv-paused");
        assertThat(search("radius=10&service=REPAIR").<String>getList("stores.id"))
                .containsExactly("fi-rv-a", "fi-rv-d", "fi-rv-c");
        assertThat(search("radius=10&service=repair&service=SALES").<String>getList("stores.id"))
                .containsExactly("fi-rv-a");
        assertThat(search("radius=10&kind=SERVICE_CENTER,FLAGSHIP").<String>getList("stores.id"))
                .containsExactly("fi-rv-a", "fi-rv-d", "fi-rv-c");
        assertThat(search("radius=10&openNow=true").<String>getList("stores.id"))
                .as("a temporarily closed store is not open").containsExactly("fi-rv-a", "fi-rv-d", "fi-rv-b", "fi-rv-c");
    }

    @Test
    void aClosedStoreIsFoundByIdOnly() {
        given().get("/api/v1/stores/fi-rv-closed").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("openNow", equalTo(false)).body("region", equalTo("EU"));
        given().get("/api/v1/stores/no-such-store").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("STORE_NOT_FOUND"));
    }

    @Test
    void badSearchesAre400WithEveryFieldAtFault() {
        given().get("/api/v1/stores").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItems("near"));
        for (String near : List.of("91,0", "0,181", "abc", "1,2,3", "66.5")) {
            given().get("/api/v1/stores?near=" + near).then().statusCode(400).body("errors.field", hasItems("near"));
        }
        given().get("/api/v1/stores?near=66.5,25.7&radius=0&limit=0&service=TEA&kind=KIOSK&openNow=maybe")
                .then().statusCode(400)
                .body("errors.field", hasItems("radius", "limit", "service", "kind", "openNow"));
        given().get("/api/v1/stores?near=66.5,25.7&radius=1001").then().statusCode(400)
                .body("errors.field", hasItems("radius"));
        given().get("/api/v1/stores?near=66.5,25.7&openNow=true&openAt=2026-11-23T10:00:00Z").then().statusCode(400)
                .body("errors.field", hasItems("openAt"));
        given().get("/api/v1/stores?near=66.5,25.7&openAt=tomorrow").then().statusCode(400)
                .body("errors.field", hasItems("openAt"));
    }

    /**
     * Tornio (Finland, UTC+2/+3) and Haparanda (Sweden, UTC+1/+2) face each
     * other across a river; both open 09:00-17:00 on weekdays in their own
     * time. One instant finds one open and the other closed.
     */
    @Test
    void openingHoursFollowEachStoresTimeZone() {
        List<Map<String, String>> weekdays = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            weekdays.add(Map.of("day", day, "opens", "09:00", "closes", "17:00"));
        }
        create("fi-tornio-1", store("Mi Store Tornio", "AUTHORIZED_STORE", SALES, "FI", 65.8483, 24.1466,
                "Europe/Helsinki", weekdays));
        create("se-haparanda-1", store("Mi Store Haparanda", "AUTHORIZED_STORE", SALES, "SE", 65.8355, 24.1368,
                "Europe/Stockholm", weekdays));
        create("fi-tornio-night", store("Mi Service Tornio Night", "SERVICE_CENTER", REPAIR, "FI", 65.8490, 24.1500,
                "Europe/Helsinki", List.of(Map.of("day", "FRIDAY", "opens", "22:00", "closes", "02:00"),
                        Map.of("day", "SUNDAY", "opens", "09:00", "closes", "17:00"))));
        String near = "/api/v1/stores?near=65.84,24.14&radius=5&openAt=";
        // Monday 23 November 2026 (winter): 07:30Z is 09:30 in Tornio, 08:30 in Haparanda
        assertThat(openAt(near + "2026-11-23T07:30:00Z")).containsExactly("fi-tornio-1");
        // 15:30Z is 17:30 in Tornio, 16:30 in Haparanda
        assertThat(openAt(near + "2026-11-23T15:30:00Z")).containsExactly("se-haparanda-1");
        assertThat(openAt(near + "2026-11-23T12:00:00Z")).containsExactlyInAnyOrder("fi-tornio-1", "se-haparanda-1");
        // Past midnight: Saturday 28 November, 00:30 and 02:30 in Tornio
        assertThat(openAt(near + "2026-11-27T22:30:00Z")).containsExactly("fi-tornio-night");
        assertThat(openAt(near + "2026-11-28T00:30:00Z")).isEmpty();
        // Summer time starts on Sunday 29 March 2026 at 01:00Z: 06:30Z is 09:30 in Tornio (UTC+3), not 08:30
        assertThat(openAt(near + "2026-03-29T06:30:00Z")).containsExactly("fi-tornio-night");
        assertThat(openAt(near + "2026-03-22T06:30:00Z")).as("a week before, still UTC+2").isEmpty();
    }

    private static List<String> openAt(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getList("stores.id");
    }

    /** The search walks the distance index; it does not compute the distance of every store. */
    @Test
    void theSearchUsesTheDistanceIndex() {
        Tuple params = Tuple.tuple().addDouble(31.23).addDouble(121.47).addDouble(10.0).addArrayOfString(null)
                .addArrayOfString(null).addOffsetDateTime(null).addInteger(20)
                .addOffsetDateTime(java.time.OffsetDateTime.now());
        StringBuilder plan = new StringBuilder();
        for (Row row : pool.preparedQuery("explain " + StoreDirectory.NEAREST).execute(params).await().indefinitely()) {
            plan.append(row.getString(0)).append('\n');
        }
        assertThat(plan.toString()).contains("store_position_idx").doesNotContain("Seq Scan on store");
    }
}
