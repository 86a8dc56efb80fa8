package storefront.stores;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import storefront.Tokens;
import storefront.inventory.TestSkus;
import storefront.ops.Ops;

/** Store imports from CSV: a report per row, all-or-nothing writes, audit entries, scopes. */
@QuarkusTest
class StoreImportTest {

    static final String HEADER = "id,name,kind,services,address_line1,city,postal_code,country,latitude,longitude,"
            + "time_zone,status,monday,saturday\n";

    @Inject
    Pool pool;

    static Response upload(String token, String csv, String query) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv).queryParam("reason", "Quarterly store list")
                .post("/api/v1/admin/stores/import" + query);
    }

    long count(String sql, Object... params) {
        return TestSkus.one(pool, sql, params).getLong(0);
    }

    @Test
    void goodRowsAreImportedAndBadRowsReportedWithTheirReasons() {
        String csv = HEADER
                + "in-imp-0001,Mi Store Shimla Mall Road,AUTHORIZED_STORE,SALES|PICKUP,12 Mall Road,Shimla,171001,IN,"
                + "31.1048,77.1734,Asia/Kolkata,,10:00-20:00,10:00-14:00 16:00-20:00\n"
                + "in-imp-0002,\"Mi Service Center Shimla, Lakkar Bazar\",SERVICE_CENTER,REPAIR WARRANTY,"
                + "3 Lakkar Bazar,Shimla,171001,in,31.1070,77.1790,Asia/Kolkata,OPEN,09:00-18:00,\n"
                + "in-imp-0003,Too Far North,AUTHORIZED_STORE,SALES,1 Road,Shimla,171001,IN,95,77.17,Asia/Kolkata,,,\n"
                + "in-imp-0004,Odd Kind,KIOSK,SALES|TEA,1 Road,Shimla,171001,IN,31.1,77.17,Asia/Kolkata,,9-17,\n"
                + "in-imp-0005,Nowhere,AUTHORIZED_STORE,SALES,1 Road,Atlantis,0,ZZ,31.1,77.17,Mars/Olympus,,,\n"
                + "in-imp-0001,Twice,AUTHORIZED_STORE,SALES,1 Road,Shimla,171001,IN,31.1,77.17,Asia/Kolkata,,,\n"
                + "IN IMP 7,,AUTHORIZED_STORE,SALES,1 Road,Shimla,171001,IN,31.1,77.17,Asia/Kolkata,,"
                + "10:00-20:00 19:00-21:00,\n";
        long audit = count("select count(*) from audit_entry where action = 'CREATE_STORE'");
        JsonPath report = upload(Ops.ADMIN, csv, "").then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("rows")).isEqualTo(7);
        assertThat(report.getInt("created")).isEqualTo(2);
        assertThat(report.getInt("updated")).isZero();
        assertThat(report.getList("rejected.line", Integer.class)).containsExactly(4, 5, 6, 7, 8);
        assertThat(fields(report, 0)).containsExactly("latitude");
        assertThat(fields(report, 1)).containsExactly("kind", "monday", "services");
        assertThat(fields(report, 2)).containsExactly("country", "time_zone");
        assertThat(fields(report, 3)).containsExactly("id");
        assertThat(report.getString("rejected[3].errors[0].message")).isEqualTo("also on line 2");
        assertThat(fields(report, 4)).containsExactly("id", "name", "opening hours");

        given().get("/api/v1/stores/in-imp-0002").then().statusCode(200)
                .body("name", equalTo("Mi Service Center Shimla, Lakkar Bazar"))
                .body("services", equalTo(List.of("REPAIR", "WARRANTY")))
                .body("address.country", equalTo("IN")).body("region", equalTo("IN"));
        given().get("/api/v1/stores/in-imp-0001").then().statusCode(200)
                .body("openingHours.size()", equalTo(3)).body("name", equalTo("Mi Store Shimla Mall Road"));
        UUID changeSet = UUID.fromString(report.getString("changeSet"));
        assertThat(count("select count(*) from audit_entry where change_set = $1 and action = 'CREATE_STORE'"
                + " and reason = 'Quarterly store list'", changeSet)).isEqualTo(2);
        assertThat(count("select count(*) from audit_entry where action = 'CREATE_STORE'")).isEqualTo(audit + 2);

        // The same file again changes nothing; a changed row is an update
        JsonPath again = upload(Ops.ADMIN, csv, "").then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("created") + again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(again.getString("changeSet")).isNull();
        String renamed = csv.replace("Mi Store Shimla Mall Road", "Mi Store Shimla The Ridge");
        JsonPath update = upload(Ops.ADMIN, renamed, "").then().statusCode(200).extract().jsonPath();
        assertThat(update.getInt("updated")).isEqualTo(1);
        assertThat(update.getInt("unchanged")).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where change_set = $1 and action = 'UPDATE_STORE'",
                UUID.fromString(update.getString("changeSet")))).isEqualTo(1);
    }

    private static List<String> fields(JsonPath report, int rejection) {
        return report.getList("rejected[" + rejection + "].errors.field");
    }

    @Test
    void aDryRunWritesNothing() {
        String csv = HEADER + "in-dry-0001,Mi Store Dry,AUTHORIZED_STORE,SALES,1 Road,Shimla,171001,IN,31.1,77.17,"
                + "Asia/Kolkata,,,\n";
        upload(Ops.ADMIN, csv, "?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(1));
        assertThat(count("select count(*) from store where id = 'in-dry-0001'")).isZero();
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWhole() {
        String good = "in-bad-0001,Mi Store,AUTHORIZED_STORE,SALES,1 Road,Shimla,171001,IN,31.1,77.17,Asia/Kolkata,,,\n";
        upload(Ops.ADMIN, HEADER.replace("latitude", "lattitude") + good, "").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("CSV_INVALID"))
                .body("detail", containsString("Missing columns: latitude"))
                .body("detail", containsString("Unknown columns: lattitude"));
        upload(Ops.ADMIN, "", "").then().statusCode(400).body("code", equalTo("CSV_INVALID"));
        upload(Ops.ADMIN, HEADER + good + "in-bad-0002,\"Broken,AUTHORIZED_STORE\n", "").then().statusCode(400)
                .body("code", equalTo("CSV_INVALID"));
        given().auth().oauth2(Ops.ADMIN).contentType("text/csv").body(HEADER + good)
                .post("/api/v1/admin/stores/import").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertThat(count("select count(*) from store where id like 'in-bad-%'")).isZero();
    }

    /** A failure while writing (here a trigger refusing one row) leaves no row of the file behind. */
    @Test
    void aFailureWhileWritingImportsNothing() {
        TestSkus.sql(pool, """
                create function refuse_boom() returns trigger language plpgsql as $$
                begin raise exception 'refused by test'; end $$""");
        TestSkus.sql(pool, "create trigger refuse_boom before insert on store for each row "
                + "when (new.id = 'in-boom-0003') execute function refuse_boom()");
        try {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 1; i <= 5; i++) {
                csv.append("in-boom-000").append(i).append(",Mi Store ").append(i)
                        .append(",AUTHORIZED_STORE,SALES,1 Road,Shimla,171001,IN,31.1,77.1").append(i)
                        .append(",Asia/Kolkata,,,\n");
            }
            long audit = count("select count(*) from audit_entry");
            upload(Ops.ADMIN, csv.toString(), "").then().statusCode(500);
            assertThat(count("select count(*) from store where id like 'in-boom-%'")).isZero();
            assertThat(count("select count(*) from audit_entry")).isEqualTo(audit);
        } finally {
            TestSkus.sql(pool, "drop trigger refuse_boom on store");
            TestSkus.sql(pool, "drop function refuse_boom()");
        }
    }

    @Test
    void rowsOutsideAnOperatorsRegionsAreRejectedOneByOne() {
        String csv = HEADER
                + "in-scope-0001,Mi Store In,AUTHORIZED_STORE,SALES,1 Road,Shimla,171001,IN,31.1,77.17,Asia/Kolkata,,,\n"
                + "cn-scope-0001,Mi Store Cn,AUTHORIZED_STORE,SALES,1 Road,Lhasa,850000,CN,29.65,91.1,Asia/Shanghai,,,\n";
        JsonPath report = upload(Tokens.ops("ops-in", "IN"), csv, "").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).isEqualTo(1);
        assertThat(report.getList("rejected.id")).containsExactly("cn-scope-0001");
        assertThat(report.getString("rejected[0].errors[0].message")).contains("not in your scope");
        upload(Tokens.auditor("reader"), csv, "").then().statusCode(403);
    }

    @Test
    void aFileFromExcelWithItsByteOrderMarkIsReadAndOneThatIsNotUtf8IsRefused() {
        String row = "in-kul-0001,Mi Store Kullu,AUTHORIZED_STORE,SALES,1 Dhalpur,Kullu,175101,IN,31.96,77.11,"
                + "Asia/Kolkata,,,\n";
        given().auth().oauth2(Ops.ADMIN).contentType("text/csv")
                .body(("\uFEFF" + HEADER + row).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("reason", "x").post("/api/v1/admin/stores/import")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", org.hamcrest.Matchers.empty());
        byte[] latin1 = (HEADER + row.replace("Kullu,", "K\u00fcllu,")).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().auth().oauth2(Ops.ADMIN).contentType("text/csv").body(latin1).queryParam("reason", "x")
                .post("/api/v1/admin/stores/import").then().statusCode(400).body("code", equalTo("CSV_INVALID"));
        given().auth().oauth2(Ops.ADMIN).contentType("text/csv").body(HEADER + row.replace("Kullu,", "Ku\u0000llu,"))
                .queryParam("reason", "x").post("/api/v1/admin/stores/import")
                .then().statusCode(400).body("code", equalTo("CSV_INVALID"));
        assertThat(count("select count(*) from store where name like 'K%llu%' and id <> 'in-kul-0001'")).isZero();
    }

    @Test
    void opsCreateReplaceAndCloseStoresAudited() {
        Map<String, Object> store = Stores.store("Mi Store Leh", "AUTHORIZED_STORE", List.of("SALES"), "IN", 34.1526,
                77.5771, "Asia/Kolkata", Stores.everyDay("10:00", "19:00"));
        String inOps = Tokens.ops("ops-in", "IN");
        Stores.put(inOps, "in-leh-0001", store).then().statusCode(201).body("region", equalTo("IN"));
        Stores.put(inOps, "in-leh-0001", store).then().statusCode(200);
        store.put("name", "Mi Store Leh Main Bazaar");
        Stores.put(inOps, "in-leh-0001", store).then().statusCode(200).body("name", equalTo("Mi Store Leh Main Bazaar"));
        assertThat(count("select count(*) from audit_entry where target = 'store:in-leh-0001'")).as("created, renamed")
                .isEqualTo(2);
        Stores.put(Tokens.ops("ops-cn", "CN"), "in-leh-0001", store).then().statusCode(403)
                .body("code", equalTo("REGION_NOT_IN_SCOPE"));

        Map<String, Object> bad = Stores.store("", "AUTHORIZED_STORE", List.of(), "ZZ", 91, 0, "Mars/Base",
                List.of(Map.of("day", "MONDAY", "opens", "10:00", "closes", "14:00"),
                        Map.of("day", "MONDAY", "opens", "13:00", "closes", "18:00")));
        // Every field at fault at once, its shape and the rules beyond it, as the CSV import reports them.
        assertThat(Stores.put(Ops.ADMIN, "in-bad-json", bad).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).extract().jsonPath().<String>getList("errors.field"))
                .containsExactlyInAnyOrder("store.name", "store.services", "store.location.latitude",
                        "store.address.country", "store.timeZone", "store.openingHours");
        bad.put("name", "Named");
        bad.put("services", List.of("SALES"));
        bad.put("location", Map.of("latitude", 30, "longitude", 70));
        JsonPath errors = Stores.put(Ops.ADMIN, "in-bad-json", bad).then().statusCode(400).extract().jsonPath();
        assertThat(errors.<String>getList("errors.field"))
                .containsExactlyInAnyOrder("store.address.country", "store.timeZone", "store.openingHours");

        given().auth().oauth2(inOps).contentType("application/json")
                .body(Map.of("status", "CLOSED", "reason", "Lease ended"))
                .put("/api/v1/admin/stores/in-leh-0001/status").then().statusCode(200).body("status", equalTo("CLOSED"));
        assertThat(given().get("/api/v1/stores?near=34.1526,77.5771&radius=5").jsonPath().<String>getList("stores.id"))
                .doesNotContain("in-leh-0001");
        assertThat(count("select count(*) from audit_entry where target = 'store:in-leh-0001' and action = "
                + "'STORE_STATUS' and after ->> 'status' = 'CLOSED' and before ->> 'status' = 'OPEN'")).isEqualTo(1);
        given().auth().oauth2(inOps).contentType("application/json").body(Map.of("status", "OPEN", "reason", "x"))
                .put("/api/v1/admin/stores/in-nope/status").then().statusCode(404).body("code", equalTo("STORE_NOT_FOUND"));
    }

    /** Every way a store changes (a replace, its status, an import) moves its ETag on; an unchanged row does not. */
    @Test
    void anEtagReadBeforeAnyChangeNoLongerMatchesAfterIt() {
        String id = "in-etag-0001";
        Stores.create(id, Stores.store("Mi Store Kochi", "AUTHORIZED_STORE", List.of("SALES"), "IN", 9.9312,
                76.2673, "Asia/Kolkata", Stores.everyDay("10:00", "20:00")));
        String first = etag(id);
        String row = id + ",Mi Store Kochi,AUTHORIZED_STORE,SALES,1 MG Road,Kochi,682001,IN,9.9312,76.2673,"
                + "Asia/Kolkata,,10:00-20:00,10:00-20:00\n";
        // The same store as stored, save for its address: the import changes it.
        upload(Ops.ADMIN, HEADER + row, "").then().statusCode(200).body("updated", equalTo(1));
        String imported = etag(id);
        assertThat(imported).isNotEqualTo(first);
        given().auth().oauth2(Ops.ADMIN).contentType("application/json").header("If-Match", first)
                .body(Map.of("store", Stores.store("Stale", "AUTHORIZED_STORE", List.of("SALES"), "IN", 9.9312,
                        76.2673, "Asia/Kolkata", List.of()), "reason", "stale"))
                .put("/api/v1/admin/stores/{id}", id).then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        // Imported again unchanged: nothing is written, the ETag stays.
        upload(Ops.ADMIN, HEADER + row, "").then().statusCode(200).body("unchanged", equalTo(1));
        assertThat(etag(id)).isEqualTo(imported);
        given().auth().oauth2(Ops.ADMIN).contentType("application/json")
                .body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "Renovation"))
                .put("/api/v1/admin/stores/{id}/status", id).then().statusCode(200);
        assertThat(etag(id)).isNotEqualTo(imported);
    }

    private static String etag(String id) {
        return given().auth().oauth2(Ops.ADMIN).get("/api/v1/admin/stores/{id}", id).then().statusCode(200)
                .extract().header("ETag");
    }
}
